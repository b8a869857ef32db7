-- Per asset and network: the fee taken on top of a withdrawal, the smallest one, and the largest
-- one approved without an operator.
ALTER TABLE asset_networks
  ADD COLUMN withdraw_fee     DECIMAL(36,18) NOT NULL DEFAULT 0,
  ADD COLUMN min_withdraw     DECIMAL(36,18) NOT NULL DEFAULT 0,
  ADD COLUMN auto_approve_max DECIMAL(36,18) NOT NULL DEFAULT 0;

UPDATE asset_networks SET withdraw_fee = 0.0001, min_withdraw = 0.001, auto_approve_max = 0.5 WHERE asset = 'BTC';
UPDATE asset_networks SET withdraw_fee = 0.001, min_withdraw = 0.01, auto_approve_max = 5 WHERE asset = 'ETH';
UPDATE asset_networks SET withdraw_fee = 1, min_withdraw = 10, auto_approve_max = 1000 WHERE asset = 'USDT';

-- Seed 3.4: a withdrawal from application to completion. Its amount plus fee is frozen from the
-- application on, so it cannot be spent twice while it waits.
CREATE TABLE withdrawals (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id      BIGINT         NOT NULL,
  asset        VARCHAR(16)    NOT NULL,
  network      VARCHAR(16)    NOT NULL,
  chain        VARCHAR(8)     NOT NULL,
  address      VARCHAR(96)    NOT NULL,
  amount       DECIMAL(36,18) NOT NULL,
  fee          DECIMAL(36,18) NOT NULL,
  status       VARCHAR(24)    NOT NULL,
  request_id   VARCHAR(64)    NULL,
  tx_hash      VARCHAR(80)    NULL,
  reviewed_by  VARCHAR(255)   NULL,
  reason       VARCHAR(255)   NULL,
  created_at   DATETIME(6)    NOT NULL,
  updated_at   DATETIME(6)    NOT NULL,
  UNIQUE KEY uk_withdrawals_request (user_id, request_id),
  KEY ix_withdrawals_user (user_id, created_at),
  KEY ix_withdrawals_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
