-- Idempotency keys belong to a caller (X-Actor) and to one operation (method and route template), carry the ETag of
-- the response they replay, and expire (ADR 0006). Keys stored before this version are dropped: they were scoped by
-- route only and hashed without the path, so they cannot be matched under the new rules; a retry of a request sent
-- before the upgrade runs again.
DROP TABLE idempotency_keys;

CREATE TABLE idempotency_keys (
    caller TEXT NOT NULL,
    key TEXT NOT NULL,
    operation TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    response_body TEXT NOT NULL,
    location TEXT NULL,
    etag TEXT NULL,
    created_at TEXT NOT NULL,
    expires_at INTEGER NOT NULL, -- Unix time in milliseconds
    PRIMARY KEY (caller, key)
);
-- The purge reads the oldest expired keys first.
CREATE INDEX ix_idempotency_keys_expires ON idempotency_keys (expires_at);
