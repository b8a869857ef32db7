-- How far each chain's deposit scanner got: the last block it processed and that block's hash,
-- so a restart resumes there and a reorg (the stored hash no longer on the chain) is noticed.
CREATE TABLE chain_cursors (
  chain       VARCHAR(8)   NOT NULL PRIMARY KEY,
  height      BIGINT       NOT NULL,
  block_hash  VARCHAR(80)  NULL,
  updated_at  DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO chain_cursors (chain, height, block_hash, updated_at) VALUES ('ETH', -1, NULL, NOW(6)), ('BTC', -1, NULL, NOW(6));

-- The hashes of recently scanned blocks: where a reorg forked off is the highest height whose
-- stored hash the node still reports.
CREATE TABLE chain_blocks (
  chain       VARCHAR(8)   NOT NULL,
  height      BIGINT       NOT NULL,
  block_hash  VARCHAR(80)  NOT NULL,
  PRIMARY KEY (chain, height)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every payment to a deposit address, once per (chain, transaction, output or log index):
-- PENDING until the asset's confirmations, then CREDITED exactly once; DROPPED when its block left
-- the chain; BELOW_MINIMUM when smaller than the asset's minimum deposit (never credited).
CREATE TABLE deposits (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id        BIGINT         NOT NULL,
  asset          VARCHAR(16)    NOT NULL,
  network        VARCHAR(16)    NOT NULL,
  chain          VARCHAR(8)     NOT NULL,
  tx_hash        VARCHAR(80)    NOT NULL,
  output_index   INT            NOT NULL,
  address        VARCHAR(96)    NOT NULL,
  amount         DECIMAL(36,18) NOT NULL,
  block_height   BIGINT         NOT NULL,
  block_hash     VARCHAR(80)    NOT NULL,
  confirmations  INT            NOT NULL,
  status         VARCHAR(16)    NOT NULL,
  created_at     DATETIME(6)    NOT NULL,
  credited_at    DATETIME(6)    NULL,
  UNIQUE KEY uk_deposits_output (chain, tx_hash, output_index),
  KEY ix_deposits_user (user_id, created_at),
  KEY ix_deposits_pending (chain, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
