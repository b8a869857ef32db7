-- Seed 3.4 (限额): how much a user may withdraw per asset in 24 hours, by KYC level (user-ejb
-- keeps the level). Data, not code: operators change the figures here.
CREATE TABLE withdraw_limits (
  kyc_level  INT            NOT NULL,
  asset      VARCHAR(16)    NOT NULL,
  daily_max  DECIMAL(36,18) NOT NULL,
  PRIMARY KEY (kyc_level, asset)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO withdraw_limits (kyc_level, asset, daily_max) VALUES
  (0, 'BTC', 100),   (0, 'ETH', 1000),   (0, 'USDT', 2000000),
  (1, 'BTC', 200),   (1, 'ETH', 2000),   (1, 'USDT', 4000000),
  (2, 'BTC', 1000),  (2, 'ETH', 10000),  (2, 'USDT', 20000000),
  (3, 'BTC', 10000), (3, 'ETH', 100000), (3, 'USDT', 200000000);
