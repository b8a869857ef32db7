-- Fund flows (seed: 资金流水): one row per balance change a wallet event reported, with the
-- balance after it, so a user's history reads like a bank statement.
CREATE TABLE fund_flows (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  event_id         CHAR(36)       NOT NULL,
  user_id          BIGINT         NOT NULL,
  asset            VARCHAR(16)    NOT NULL,
  delta_available  DECIMAL(36,18) NOT NULL,
  delta_frozen     DECIMAL(36,18) NOT NULL,
  available_after  DECIMAL(36,18) NOT NULL,
  frozen_after     DECIMAL(36,18) NOT NULL,
  business_type    VARCHAR(32)    NOT NULL,
  business_id      VARCHAR(64)    NOT NULL,
  occurred_at      DATETIME(6)    NOT NULL,
  UNIQUE KEY uk_fund_flows_event (event_id),
  KEY ix_fund_flows_user (user_id, asset, id),
  KEY ix_fund_flows_business (business_type, business_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The exchange's fee income, one row per trade side that paid a fee.
CREATE TABLE fee_income (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  trade_id     BIGINT         NOT NULL,
  order_id     BIGINT         NOT NULL,
  symbol       VARCHAR(32)    NOT NULL,
  user_id      BIGINT         NOT NULL,
  asset        VARCHAR(16)    NOT NULL,
  amount       DECIMAL(36,18) NOT NULL,
  maker        BOOLEAN        NOT NULL,
  occurred_at  DATETIME(6)    NOT NULL,
  UNIQUE KEY uk_fee_income_side (trade_id, order_id),
  KEY ix_fee_income_asset (asset, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
