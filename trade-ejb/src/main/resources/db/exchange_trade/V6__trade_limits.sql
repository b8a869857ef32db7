-- Trading limits by KYC level (the user service keeps the level), in each quote asset: the largest
-- order and the most a user may order in one UTC day, notional (price x quantity, or the quote
-- frozen for a buy). Data, not code: operators change the figures here. A quote asset with no row
-- at a level cannot be traded at that level.
CREATE TABLE trade_limits (
  kyc_level   INT            NOT NULL,
  quote_asset VARCHAR(16)    NOT NULL,
  order_max   DECIMAL(36,18) NOT NULL,
  daily_max   DECIMAL(36,18) NOT NULL,
  PRIMARY KEY (kyc_level, quote_asset)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO trade_limits (kyc_level, quote_asset, order_max, daily_max) VALUES
  (0, 'USDT', 2000000,   50000000),   (0, 'BTC', 50,    1000),    (0, 'ETH', 100,   300),
  (1, 'USDT', 5000000,   200000000),  (1, 'BTC', 200,   5000),    (1, 'ETH', 1000,  3000),
  (2, 'USDT', 20000000,  1000000000), (2, 'BTC', 1000,  20000),   (2, 'ETH', 10000, 30000),
  (3, 'USDT', 100000000, 5000000000), (3, 'BTC', 5000,  100000),  (3, 'ETH', 50000, 150000);

-- What each user ordered per quote asset and UTC day: one row, added to in the placing
-- transaction, so a rejected or rolled back order counts nothing.
CREATE TABLE trade_usage (
  user_id     BIGINT         NOT NULL,
  quote_asset VARCHAR(16)    NOT NULL,
  day         DATE           NOT NULL,
  notional    DECIMAL(36,18) NOT NULL,
  PRIMARY KEY (user_id, quote_asset, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
