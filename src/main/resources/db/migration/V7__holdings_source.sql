-- Where a library's availability comes from: the embedded store (the default, without a row), or its own library
-- system asked live over ISO 20775.
CREATE TABLE holdings_source (
    agency_id               VARCHAR(6)   PRIMARY KEY REFERENCES agency (agency_id),
    kind                    VARCHAR(10)  NOT NULL,
    url                     VARCHAR(500),
    timeout_ms              INTEGER
);
