-- The reservation queue for a copy where the library's system reports it (ISO 20775 reservationQueue): the
-- own-material rule counts the patrons ahead before it keeps an order at home.
ALTER TABLE holding_item ADD COLUMN reservation_queue INTEGER;
