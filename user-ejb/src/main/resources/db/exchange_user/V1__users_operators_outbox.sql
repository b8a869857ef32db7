CREATE TABLE users (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  email         VARCHAR(254) NOT NULL,
  password_hash VARCHAR(512) NOT NULL,
  status        VARCHAR(16)  NOT NULL,
  created_at    DATETIME(6)  NOT NULL,
  UNIQUE KEY uk_users_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE operators (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  email         VARCHAR(254) NOT NULL,
  password_hash VARCHAR(512) NOT NULL,
  roles         VARCHAR(128) NOT NULL,
  created_at    DATETIME(6)  NOT NULL,
  UNIQUE KEY uk_operators_email (email)
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
