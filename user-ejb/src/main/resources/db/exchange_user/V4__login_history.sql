-- Every sign-in attempt on a known account, kept for the user (and later the risk rules): a
-- device is the pair of address and browser/program; one never seen before is a new device.
CREATE TABLE login_history (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id     BIGINT        NOT NULL,
  at          DATETIME(6)   NOT NULL,
  ip          VARCHAR(64)   NOT NULL,
  user_agent  VARCHAR(255)  NOT NULL,
  success     BOOLEAN       NOT NULL,
  new_device  BOOLEAN       NOT NULL,
  KEY ix_login_history_user (user_id, at),
  KEY ix_login_history_device (user_id, ip, user_agent)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
