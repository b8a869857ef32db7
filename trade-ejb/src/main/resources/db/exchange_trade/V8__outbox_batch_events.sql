-- The trade projection publishes one OrderActivity per batch (up to 1 000 order events, about
-- 300 KB of JSON): more than TEXT's 64 KB.
ALTER TABLE outbox MODIFY payload MEDIUMTEXT NOT NULL;
