-- Automated-ILL settings per library and VIP material type (VIP section E). The age thresholds are not
-- here: they live in the decision table AgeThresholds (processes/AgeThresholds.dmn and its later versions).
CREATE TABLE automation_settings (
    agency_id               VARCHAR(6)   NOT NULL REFERENCES agency (agency_id),
    material_type           INTEGER      NOT NULL,
    will_send               VARCHAR(4)   NOT NULL,
    lenders                 VARCHAR,
    reserve                 BOOLEAN      NOT NULL,
    own_material            VARCHAR(4)   NOT NULL,
    own_profile             INTEGER      NOT NULL,
    will_receive            BOOLEAN      NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by              VARCHAR(100),
    PRIMARY KEY (agency_id, material_type)
);

-- serializes changes of a decision table made through the API (read the latest version, deploy the next)
CREATE TABLE decision_edit_lock (
    decision_key            VARCHAR(100) PRIMARY KEY
);
INSERT INTO decision_edit_lock (decision_key) VALUES ('AgeThresholds');
