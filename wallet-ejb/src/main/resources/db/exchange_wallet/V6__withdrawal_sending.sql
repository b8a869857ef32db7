-- Seed 3.4, the sending half of a withdrawal. The signed transaction is stored before it is
-- broadcast, so a retry re-sends the very same transaction (same hash): never a second payment.
ALTER TABLE withdrawals
  ADD COLUMN raw_tx         MEDIUMTEXT   NULL,
  ADD COLUMN nonce          BIGINT       NULL,
  ADD COLUMN block_height   BIGINT       NULL,
  ADD COLUMN confirmations  INT          NOT NULL DEFAULT 0,
  ADD COLUMN checks         INT          NOT NULL DEFAULT 0,
  ADD COLUMN broadcast_at   DATETIME(6)  NULL,
  ADD COLUMN completed_at   DATETIME(6)  NULL;

-- The exchange's account on the other side of what left for the chains.
INSERT INTO accounts (user_id, asset, available, frozen, version, created_at, kind)
SELECT -4, a.code, 0, 0, 0, NOW(6), 'SYSTEM' FROM assets a;

-- One hot wallet per chain family. Signing holds its row, so two withdrawals (on any node of the
-- cluster) never pick the same Ethereum nonce or the same Bitcoin output.
CREATE TABLE hot_wallets (
  chain       VARCHAR(8)   NOT NULL PRIMARY KEY,
  address     VARCHAR(96)  NOT NULL,
  updated_at  DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Bitcoin: the hot wallet's outputs as the deposit scanner saw them on the chain. UNSPENT until a
-- withdrawal signs with it (RESERVED, with that withdrawal), SPENT once that one is confirmed.
CREATE TABLE hot_wallet_outputs (
  chain          VARCHAR(8)     NOT NULL,
  tx_hash        VARCHAR(80)    NOT NULL,
  output_index   INT            NOT NULL,
  amount         DECIMAL(36,18) NOT NULL,
  block_height   BIGINT         NULL,
  status         VARCHAR(16)    NOT NULL,
  withdrawal_id  BIGINT         NULL,
  PRIMARY KEY (chain, tx_hash, output_index),
  KEY ix_hot_outputs_status (chain, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A user's withdrawal address book. With the whitelist on, only these addresses can be used.
CREATE TABLE withdraw_whitelist (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id     BIGINT        NOT NULL,
  chain       VARCHAR(8)    NOT NULL,
  address     VARCHAR(96)   NOT NULL,
  label       VARCHAR(64)   NULL,
  created_at  DATETIME(6)   NOT NULL,
  UNIQUE KEY uk_whitelist (user_id, chain, address)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE withdraw_settings (
  user_id       BIGINT       NOT NULL PRIMARY KEY,
  whitelist_on  BOOLEAN      NOT NULL,
  updated_at    DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
