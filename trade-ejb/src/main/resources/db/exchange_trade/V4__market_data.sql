-- The engine numbers each symbol's trades; public feeds and klines use that number.
ALTER TABLE trades ADD COLUMN trade_id BIGINT NULL AFTER symbol;
CREATE INDEX ix_trades_symbol_id ON trades (symbol, id);

-- Candles kept up to date by settlement, one row per symbol, period and period start (UTC).
CREATE TABLE klines (
  symbol          VARCHAR(32)    NOT NULL,
  period          VARCHAR(3)     NOT NULL,
  open_time       DATETIME       NOT NULL,
  open_price      DECIMAL(36,18) NOT NULL,
  high_price      DECIMAL(36,18) NOT NULL,
  low_price       DECIMAL(36,18) NOT NULL,
  close_price     DECIMAL(36,18) NOT NULL,
  volume          DECIMAL(36,18) NOT NULL,
  quote_volume    DECIMAL(36,18) NOT NULL,
  trades          INT            NOT NULL,
  first_trade_id  BIGINT         NOT NULL,
  last_trade_id   BIGINT         NOT NULL,
  PRIMARY KEY (symbol, period, open_time)
) ENGINE = InnoDB;
