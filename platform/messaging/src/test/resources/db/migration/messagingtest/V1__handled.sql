CREATE TABLE handled (message_id TEXT NOT NULL, handled_at TIMESTAMPTZ NOT NULL DEFAULT now());
