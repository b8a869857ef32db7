-- Risk control (seed: 风控监控). The rules are data: each row is one check of a kind the code knows,
-- with its parameters, and operators change them (the console edits this table). action HOLD
-- holds a withdrawal for an operator's review; ALERT only records the finding and raises
-- RiskTriggered. A finding of a HOLD rule about a deposit or a login holds the user's withdrawals
-- for window_seconds after it, until an operator clears it.
CREATE TABLE risk_rules (
  code            VARCHAR(48)    NOT NULL PRIMARY KEY,
  kind            VARCHAR(32)    NOT NULL,
  description     VARCHAR(255)   NOT NULL,
  asset           VARCHAR(16)    NULL,
  threshold       DECIMAL(36,18) NOT NULL DEFAULT 0,
  window_seconds  BIGINT         NOT NULL DEFAULT 0,
  action          VARCHAR(8)     NOT NULL,
  enabled         BOOLEAN        NOT NULL DEFAULT TRUE,
  updated_by      VARCHAR(128)   NULL,
  updated_at      DATETIME(6)    NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO risk_rules (code, kind, description, asset, threshold, window_seconds, action, enabled, updated_at) VALUES
  ('LARGE_WITHDRAWAL_BTC',  'WITHDRAW_AMOUNT', 'A withdrawal of at least the threshold', 'BTC', 2, 0, 'HOLD', TRUE, NOW(6)),
  ('LARGE_WITHDRAWAL_ETH',  'WITHDRAW_AMOUNT', 'A withdrawal of at least the threshold', 'ETH', 20, 0, 'HOLD', TRUE, NOW(6)),
  ('LARGE_WITHDRAWAL_USDT', 'WITHDRAW_AMOUNT', 'A withdrawal of at least the threshold', 'USDT', 20000, 0, 'HOLD', TRUE, NOW(6)),
  ('WITHDRAW_VELOCITY',     'WITHDRAW_COUNT',  'At least threshold withdrawals (any asset) within the window', NULL, 10, 3600, 'HOLD', TRUE, NOW(6)),
  ('NEW_WITHDRAW_ADDRESS',  'WITHDRAW_NEW_ADDRESS', 'A withdrawal to an address the user never withdrew to, of at least the threshold', NULL, 0, 0, 'ALERT', TRUE, NOW(6)),
  ('DEPOSIT_JUMP_BTC',      'DEPOSIT_AMOUNT',  'A deposit of at least the threshold: withdrawals held for the window', 'BTC', 10, 86400, 'HOLD', TRUE, NOW(6)),
  ('DEPOSIT_JUMP_ETH',      'DEPOSIT_AMOUNT',  'A deposit of at least the threshold: withdrawals held for the window', 'ETH', 100, 86400, 'HOLD', TRUE, NOW(6)),
  ('DEPOSIT_JUMP_USDT',     'DEPOSIT_AMOUNT',  'A deposit of at least the threshold: withdrawals held for the window', 'USDT', 100000, 86400, 'HOLD', TRUE, NOW(6)),
  ('LOGIN_LOCKED_OUT',      'LOGIN_LOCKOUT',   'The account was locked after repeated failed sign-ins: withdrawals held for the window', NULL, 0, 86400, 'HOLD', TRUE, NOW(6));

CREATE TABLE risk_findings (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  rule_code     VARCHAR(48)   NOT NULL,
  user_id       BIGINT        NOT NULL,
  subject_type  VARCHAR(16)   NOT NULL,
  subject_id    VARCHAR(64)   NOT NULL,
  action        VARCHAR(8)    NOT NULL,
  detail        VARCHAR(255)  NOT NULL,
  holds_until   DATETIME(6)   NULL,
  status        VARCHAR(8)    NOT NULL,
  cleared_by    VARCHAR(128)  NULL,
  cleared_at    DATETIME(6)   NULL,
  created_at    DATETIME(6)   NOT NULL,
  UNIQUE KEY uk_risk_findings_subject (rule_code, subject_type, subject_id),
  KEY ix_risk_findings_user (user_id, status, holds_until),
  KEY ix_risk_findings_status (status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
