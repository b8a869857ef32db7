-- API keys for programs (Binance-style signed requests). The secret is needed to check an HMAC,
-- so it cannot be hashed: it is kept encrypted (AES-GCM under the master key from configuration,
-- never in the database), with the IV beside it.
CREATE TABLE api_keys (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id       BIGINT        NOT NULL,
  api_key       CHAR(64)      NOT NULL,
  secret_enc    VARBINARY(128) NOT NULL,
  secret_iv     BINARY(12)    NOT NULL,
  label         VARCHAR(64)   NULL,
  permissions   VARCHAR(64)   NOT NULL,
  ip_whitelist  VARCHAR(1024) NULL,
  created_at    DATETIME(6)   NOT NULL,
  UNIQUE KEY uk_api_keys_key (api_key),
  KEY ix_api_keys_user (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
