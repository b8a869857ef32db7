-- Where each asset moves on chain: the chain family whose addresses it uses, the token contract
-- (ERC-20) and how many confirmations make a deposit final.
CREATE TABLE asset_networks (
  asset          VARCHAR(16)  NOT NULL,
  network        VARCHAR(16)  NOT NULL,
  chain          VARCHAR(8)   NOT NULL,
  confirmations  INT          NOT NULL,
  min_deposit    DECIMAL(36,18) NOT NULL,
  PRIMARY KEY (asset, network),
  CONSTRAINT fk_asset_networks_asset FOREIGN KEY (asset) REFERENCES assets (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO asset_networks (asset, network, chain, confirmations, min_deposit) VALUES
  ('BTC', 'BTC', 'BTC', 2, 0.0001),
  ('ETH', 'ETH', 'ETH', 3, 0.001),
  ('USDT', 'ETH', 'ETH', 3, 1);

-- One address per user and chain family, derived from the exchange's extended public key at a
-- stable index handed out in order (next_index), so the keys behind them can be found again.
CREATE TABLE deposit_address_counters (
  chain       VARCHAR(8) NOT NULL PRIMARY KEY,
  next_index  INT        NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO deposit_address_counters (chain, next_index) VALUES ('BTC', 0), ('ETH', 0);

CREATE TABLE deposit_addresses (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id        BIGINT       NOT NULL,
  chain          VARCHAR(8)   NOT NULL,
  address_index  INT          NOT NULL,
  address        VARCHAR(96)  NOT NULL,
  created_at     DATETIME(6)  NOT NULL,
  UNIQUE KEY uk_deposit_addresses_user (user_id, chain),
  UNIQUE KEY uk_deposit_addresses_index (chain, address_index),
  UNIQUE KEY uk_deposit_addresses_address (chain, address)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
