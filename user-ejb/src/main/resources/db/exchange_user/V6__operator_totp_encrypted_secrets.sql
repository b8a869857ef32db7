-- Issue #14: operators sign in with a second factor (required for admin and finance), and TOTP
-- secrets are stored encrypted like API secrets (AES-256-GCM under the master key). A row still
-- holding a plaintext secret (made before this) is sealed at the next start and its plaintext cleared.
ALTER TABLE operators
  ADD COLUMN totp_enc       VARBINARY(128) NULL,
  ADD COLUMN totp_iv        VARBINARY(16)  NULL,
  ADD COLUMN totp_last_step BIGINT         NOT NULL DEFAULT 0;

ALTER TABLE user_totp
  MODIFY COLUMN secret      VARCHAR(64)    NULL,
  ADD COLUMN secret_enc     VARBINARY(128) NULL,
  ADD COLUMN secret_iv      VARBINARY(16)  NULL;
