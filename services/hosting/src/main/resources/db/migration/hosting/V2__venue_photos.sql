-- Photos of venues: the rows; the bytes are objects in S3-compatible storage under storage_key (ADR 15).
-- A photo is listed and served only when its row exists.
CREATE TABLE venue_photos (
    id           UUID        PRIMARY KEY,
    venue_id     UUID        NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
    content_type TEXT        NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    size_bytes   BIGINT      NOT NULL CHECK (size_bytes > 0),
    storage_key  TEXT        NOT NULL UNIQUE,
    uploaded_by  TEXT        NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX venue_photos_venue ON venue_photos (venue_id, uploaded_at);
