-- System accounts (the exchange's own: adjustments, fees, chain deposits) may go below zero: they
-- are the other side of every user balance, so that per asset all accounts always sum to zero.
ALTER TABLE accounts ADD COLUMN kind VARCHAR(8) NOT NULL DEFAULT 'USER';
ALTER TABLE accounts DROP CONSTRAINT ck_accounts_available;
ALTER TABLE accounts ADD CONSTRAINT ck_accounts_available CHECK (kind = 'SYSTEM' OR available >= 0);

CREATE TABLE balance_journal (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  account_id      BIGINT         NOT NULL,
  user_id         BIGINT         NOT NULL,
  asset           VARCHAR(16)    NOT NULL,
  delta_available DECIMAL(36,18) NOT NULL,
  delta_frozen    DECIMAL(36,18) NOT NULL,
  available_after DECIMAL(36,18) NOT NULL,
  frozen_after    DECIMAL(36,18) NOT NULL,
  biz_type        VARCHAR(32)    NOT NULL,
  biz_id          VARCHAR(64)    NOT NULL,
  created_at      DATETIME(6)    NOT NULL,
  UNIQUE KEY uk_journal_biz (biz_type, biz_id, account_id),
  KEY ix_journal_user (user_id, asset, id),
  CONSTRAINT fk_journal_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE adjustments (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  request_id VARCHAR(64)    NOT NULL,
  user_id    BIGINT         NOT NULL,
  asset      VARCHAR(16)    NOT NULL,
  amount     DECIMAL(36,18) NOT NULL,
  reason     VARCHAR(255)   NOT NULL,
  operator   VARCHAR(254)   NOT NULL,
  created_at DATETIME(6)    NOT NULL,
  UNIQUE KEY uk_adjustments_request (request_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE outbox (
  event_id   CHAR(36)     NOT NULL PRIMARY KEY,
  topic      VARCHAR(64)  NOT NULL,
  event_type VARCHAR(64)  NOT NULL,
  msg_key    VARCHAR(128) NOT NULL,
  payload    TEXT         NOT NULL,
  created_at DATETIME(6)  NOT NULL,
  sent_at    DATETIME(6)  NULL,
  KEY ix_outbox_unsent (sent_at, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The exchange's own accounts per asset: -1 adjustments, -2 fee income, -3 chain deposits.
INSERT INTO accounts (user_id, asset, available, frozen, version, created_at, kind)
SELECT s.id, a.code, 0, 0, 0, NOW(6), 'SYSTEM'
FROM assets a CROSS JOIN (SELECT -1 AS id UNION ALL SELECT -2 UNION ALL SELECT -3) s;
