-- Venues of hosts. The checks repeat the domain's rules, so no path around the domain can store
-- a venue that breaks them.
CREATE TABLE venues (
    id                    UUID             PRIMARY KEY,
    host_id               TEXT             NOT NULL,
    name                  TEXT             NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    type                  TEXT             NOT NULL CHECK (type IN ('HOME', 'COMMERCIAL')),
    street                TEXT             NOT NULL,
    city                  TEXT             NOT NULL,
    country               CHAR(2)          NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    lat                   DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon                   DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
    capacity              INT              NOT NULL CHECK (capacity BETWEEN 1 AND 2000),
    screens               INT              NOT NULL CHECK (screens BETWEEN 0 AND 20),
    largest_screen_inches INT              NOT NULL
        CHECK (largest_screen_inches = 0 OR largest_screen_inches BETWEEN 20 AND 200),
    speakers              INT              NOT NULL CHECK (speakers BETWEEN 0 AND 64),
    registered_at         TIMESTAMPTZ      NOT NULL,
    updated_at            TIMESTAMPTZ      NOT NULL,
    version               BIGINT           NOT NULL CHECK (version >= 1)
);
CREATE INDEX venues_host ON venues (host_id, registered_at);

-- The streaming packages of a venue, in the order the host listed them.
CREATE TABLE venue_packages (
    venue_id UUID    NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
    position INT     NOT NULL CHECK (position >= 0),
    provider TEXT    NOT NULL,
    licence  TEXT    NOT NULL CHECK (licence IN ('RESIDENTIAL', 'COMMERCIAL')),
    country  CHAR(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    PRIMARY KEY (venue_id, position)
);
