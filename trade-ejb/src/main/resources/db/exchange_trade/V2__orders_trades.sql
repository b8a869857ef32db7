CREATE TABLE orders (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id         BIGINT         NOT NULL,
  client_order_id VARCHAR(64)    NOT NULL,
  symbol          VARCHAR(32)    NOT NULL,
  side            VARCHAR(4)     NOT NULL,
  type            VARCHAR(16)    NOT NULL,
  time_in_force   VARCHAR(4)     NOT NULL,
  stp             VARCHAR(16)    NOT NULL,
  price           DECIMAL(36,18) NULL,
  quantity        DECIMAL(36,18) NULL,
  quote_quantity  DECIMAL(36,18) NULL,
  frozen_asset    VARCHAR(16)    NOT NULL,
  frozen_amount   DECIMAL(36,18) NOT NULL,
  executed_qty    DECIMAL(36,18) NOT NULL DEFAULT 0,
  cumulative_quote DECIMAL(36,18) NOT NULL DEFAULT 0,
  status          VARCHAR(20)    NOT NULL,
  created_at      DATETIME(6)    NOT NULL,
  updated_at      DATETIME(6)    NOT NULL,
  version         BIGINT         NOT NULL DEFAULT 0,
  UNIQUE KEY uk_orders_client (user_id, client_order_id),
  KEY ix_orders_user_status (user_id, status, symbol),
  CONSTRAINT fk_orders_symbol FOREIGN KEY (symbol) REFERENCES symbols (symbol)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE trades (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  symbol          VARCHAR(32)    NOT NULL,
  match_sequence  BIGINT         NOT NULL,
  fill_index      INT            NOT NULL,
  price           DECIMAL(36,18) NOT NULL,
  quantity        DECIMAL(36,18) NOT NULL,
  quote_quantity  DECIMAL(36,18) NOT NULL,
  buy_order_id    BIGINT         NOT NULL,
  sell_order_id   BIGINT         NOT NULL,
  buyer_id        BIGINT         NOT NULL,
  seller_id       BIGINT         NOT NULL,
  taker_side      VARCHAR(4)     NOT NULL,
  buyer_fee       DECIMAL(36,18) NOT NULL,
  seller_fee      DECIMAL(36,18) NOT NULL,
  created_at      DATETIME(6)    NOT NULL,
  UNIQUE KEY uk_trades_match (symbol, match_sequence, fill_index),
  KEY ix_trades_buyer (buyer_id, symbol, id),
  KEY ix_trades_seller (seller_id, symbol, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE processed_events (
  consumer_group VARCHAR(64) NOT NULL,
  event_id       CHAR(36)    NOT NULL,
  event_type     VARCHAR(64) NOT NULL,
  processed_at   DATETIME(6) NOT NULL,
  PRIMARY KEY (consumer_group, event_id)
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
