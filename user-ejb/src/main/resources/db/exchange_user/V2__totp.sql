-- A user's TOTP second factor (RFC 6238): the shared secret (base32), whether it is switched on,
-- and the last time step a code was accepted for, so that each code works once.
CREATE TABLE user_totp (
  user_id     BIGINT       NOT NULL PRIMARY KEY,
  secret      VARCHAR(64)  NOT NULL,
  enabled     BOOLEAN      NOT NULL,
  last_step   BIGINT       NOT NULL,
  created_at  DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
