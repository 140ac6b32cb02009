-- The automation decision of an order (its candidate list, gzipped) in a table of its own: written once per
-- decision, read when asked for, and no longer copied with every change of the order's row.
CREATE TABLE order_automation (
    order_id                BIGINT       PRIMARY KEY REFERENCES ill_order (order_id),
    automation              VARCHAR      NOT NULL
);

INSERT INTO order_automation (order_id, automation) SELECT order_id, automation FROM ill_order WHERE automation IS NOT NULL;

ALTER TABLE ill_order DROP COLUMN automation;
