-- The trade projection of the matching engine's journal: orders, trades and candles are written
-- from the engine's results (EngineResults on engine-events), and the sequence applied up to is
-- kept here in the same transaction, so a redelivered entry changes nothing.
CREATE TABLE engine_watermark (
  projection    VARCHAR(32) NOT NULL PRIMARY KEY,
  next_sequence BIGINT      NOT NULL,
  updated_at    DATETIME(6) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO engine_watermark (projection, next_sequence, updated_at) VALUES ('trade', 0, UTC_TIMESTAMP(6));
