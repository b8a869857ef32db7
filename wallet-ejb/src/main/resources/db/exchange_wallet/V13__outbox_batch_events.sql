-- The wallet's projection publishes one BalancesChanged per batch (up to 1 000 changes, about
-- 300 KB of JSON): more than TEXT's 64 KB.
ALTER TABLE outbox MODIFY payload MEDIUMTEXT NOT NULL;
