CREATE TABLE audit_log (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  event_id    CHAR(36)     NOT NULL,
  event_type  VARCHAR(64)  NOT NULL,
  subject     VARCHAR(128) NOT NULL,
  payload     TEXT         NOT NULL,
  occurred_at DATETIME(6)  NOT NULL,
  recorded_at DATETIME(6)  NOT NULL,
  KEY ix_audit_type (event_type, id),
  KEY ix_audit_subject (subject, id),
  KEY ix_audit_event (event_id)
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
