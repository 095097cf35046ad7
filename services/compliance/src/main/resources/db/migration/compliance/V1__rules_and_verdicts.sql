-- Broadcasting rules as data: a new version of a rule is a new row; the highest version of an id
-- is its current one, evaluated only while enabled. Verdicts name the rule as id@version.
CREATE TABLE rules (
    id          TEXT        NOT NULL CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    version     INT         NOT NULL CHECK (version > 0),
    enabled     BOOLEAN     NOT NULL,
    kind        TEXT        NOT NULL,
    -- scope: NULL means any
    territory   TEXT        CHECK (territory ~ '^[A-Z]{2}$'),
    competition TEXT,
    venue_type  TEXT        CHECK (venue_type IN ('HOME', 'COMMERCIAL')),
    licence     TEXT        CHECK (licence IN ('RESIDENTIAL', 'COMMERCIAL')),
    parameters  JSONB       NOT NULL DEFAULT '{}',
    reason      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);

-- One verdict per booking: a repeated CheckBooking is answered from here, the same way.
CREATE TABLE booking_verdicts (
    booking_id      UUID        PRIMARY KEY,
    session_id      TEXT        NOT NULL,
    allowed         BOOLEAN     NOT NULL,
    findings        JSONB       NOT NULL,
    rules_evaluated JSONB       NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL
);
