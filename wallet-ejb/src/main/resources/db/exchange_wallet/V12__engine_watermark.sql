-- Balances are a projection of the matching engine's journal: per projection, the engine sequence
-- it has applied up to, moved in the same transaction as the postings, so a redelivered batch
-- (a replay after a restart) changes nothing.
CREATE TABLE engine_watermark (
  projection    VARCHAR(32)  NOT NULL PRIMARY KEY,
  next_sequence BIGINT       NOT NULL,
  updated_at    DATETIME(6)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO engine_watermark (projection, next_sequence, updated_at) VALUES ('wallet', 0, NOW(6));
