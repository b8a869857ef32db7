CREATE TABLE symbols (
  symbol        VARCHAR(32)    NOT NULL PRIMARY KEY,
  base_asset    VARCHAR(16)    NOT NULL,
  quote_asset   VARCHAR(16)    NOT NULL,
  price_tick    DECIMAL(36,18) NOT NULL,
  quantity_step DECIMAL(36,18) NOT NULL,
  min_notional  DECIMAL(36,18) NOT NULL,
  maker_fee     DECIMAL(36,18) NOT NULL,
  taker_fee     DECIMAL(36,18) NOT NULL,
  status        VARCHAR(16)    NOT NULL,
  CONSTRAINT ck_symbols_tick CHECK (price_tick > 0),
  CONSTRAINT ck_symbols_step CHECK (quantity_step > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO symbols VALUES
  ('BTCUSDT', 'BTC', 'USDT', 0.01,     0.00001, 5,      0.001, 0.001, 'TRADING'),
  ('ETHUSDT', 'ETH', 'USDT', 0.01,     0.0001,  5,      0.001, 0.001, 'TRADING'),
  ('ETHBTC',  'ETH', 'BTC',  0.000001, 0.0001,  0.0001, 0.001, 0.001, 'TRADING');
