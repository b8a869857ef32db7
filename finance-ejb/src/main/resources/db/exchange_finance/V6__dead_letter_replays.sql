-- Dead letters an operator sent back to their topic: once each.
CREATE TABLE dead_letter_replays (
  message_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
  consumer_group VARCHAR(64)   NOT NULL,
  origin_topic   VARCHAR(64)   NOT NULL,
  event_id       VARCHAR(64)   NULL,
  replayed_by    VARCHAR(254)  NOT NULL,
  replayed_at    DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
