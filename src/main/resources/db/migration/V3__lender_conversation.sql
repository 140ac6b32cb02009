-- The lenders an order was sent to, in order, with how each attempt ended (the rota tried), as JSON.
ALTER TABLE ill_order ADD COLUMN lender_attempts VARCHAR;
