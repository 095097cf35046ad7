-- Hosts' public profiles: what guests see of the person whose place they visit. owner_id is the host id venues
-- and sessions carry (an e-mail address, never shown); id is the public one.
CREATE TABLE host_profiles (
    id           UUID        PRIMARY KEY,
    owner_id     TEXT        NOT NULL UNIQUE,
    display_name TEXT        NOT NULL CHECK (length(display_name) BETWEEN 2 AND 60),
    bio          TEXT        NOT NULL DEFAULT '' CHECK (length(bio) <= 1000),
    -- ISO 639-1 codes, comma-separated (a code has no comma)
    languages    TEXT        NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
