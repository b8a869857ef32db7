CREATE TABLE assets (
  code       VARCHAR(16)  NOT NULL PRIMARY KEY,
  name       VARCHAR(64)  NOT NULL,
  scale      INT          NOT NULL,
  enabled    BOOLEAN      NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO assets (code, name, scale, enabled) VALUES
  ('BTC', 'Bitcoin', 8, TRUE),
  ('ETH', 'Ether', 18, TRUE),
  ('USDT', 'Tether USD (ERC-20)', 6, TRUE);

CREATE TABLE accounts (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id    BIGINT         NOT NULL,
  asset      VARCHAR(16)    NOT NULL,
  available  DECIMAL(36,18) NOT NULL DEFAULT 0,
  frozen     DECIMAL(36,18) NOT NULL DEFAULT 0,
  version    BIGINT         NOT NULL DEFAULT 0,
  created_at DATETIME(6)    NOT NULL,
  UNIQUE KEY uk_accounts_user_asset (user_id, asset),
  CONSTRAINT ck_accounts_available CHECK (available >= 0),
  CONSTRAINT ck_accounts_frozen CHECK (frozen >= 0),
  CONSTRAINT fk_accounts_asset FOREIGN KEY (asset) REFERENCES assets (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE processed_events (
  consumer_group VARCHAR(64) NOT NULL,
  event_id       CHAR(36)    NOT NULL,
  event_type     VARCHAR(64) NOT NULL,
  processed_at   DATETIME(6) NOT NULL,
  PRIMARY KEY (consumer_group, event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
