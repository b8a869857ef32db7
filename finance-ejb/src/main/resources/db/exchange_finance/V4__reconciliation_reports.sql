-- The daily finance job (Jakarta Batch "daily-finance"): per asset, the reconciliation of the
-- wallet's ledger with itself, with the business records and with finance's own records; and the
-- day's report figures. Both keyed by day, so a re-run or a restarted run writes the same rows.
CREATE TABLE reconciliation_results (
  day                DATE           NOT NULL,
  asset              VARCHAR(16)    NOT NULL,
  users_balance      DECIMAL(36,18) NOT NULL,
  users_journal      DECIMAL(36,18) NOT NULL,
  all_accounts       DECIMAL(36,18) NOT NULL,
  fees_account       DECIMAL(36,18) NOT NULL,
  deposits_in        DECIMAL(36,18) NOT NULL,
  withdrawals_out    DECIMAL(36,18) NOT NULL,
  adjustments_net    DECIMAL(36,18) NOT NULL,
  flows_total        DECIMAL(36,18) NOT NULL,
  fee_income         DECIMAL(36,18) NOT NULL,
  hot_wallet         DECIMAL(36,18) NULL,
  status             VARCHAR(8)     NOT NULL,
  differences        VARCHAR(1024)  NOT NULL,
  computed_at        DATETIME(6)    NOT NULL,
  PRIMARY KEY (day, asset)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- section DEPOSITS / WITHDRAWALS / TRADING_FEES (item: asset), VOLUME (item: symbol), USERS (item: ALL).
CREATE TABLE daily_reports (
  day      DATE           NOT NULL,
  section  VARCHAR(16)    NOT NULL,
  item     VARCHAR(32)    NOT NULL,
  metric   VARCHAR(16)    NOT NULL,
  value    DECIMAL(36,18) NOT NULL,
  PRIMARY KEY (day, section, item, metric)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE report_files (
  day          DATE          NOT NULL PRIMARY KEY,
  path         VARCHAR(512)  NOT NULL,
  sha256       CHAR(64)      NOT NULL,
  line_count   INT           NOT NULL,
  mismatches   INT           NOT NULL,
  created_at   DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
