-- KYC: the level each user has reached, what each level asks for, the applications and their
-- documents (the files themselves live outside the database; a row keeps type, size, SHA-256).
ALTER TABLE users ADD COLUMN kyc_level INT NOT NULL DEFAULT 0;

CREATE TABLE kyc_levels (
  level        INT          NOT NULL PRIMARY KEY,
  name         VARCHAR(32)  NOT NULL,
  requirement  VARCHAR(255) NOT NULL,
  documents    VARCHAR(128) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO kyc_levels (level, name, requirement, documents) VALUES
  (0, 'EMAIL', 'e-mail address verified at sign-up', ''),
  (1, 'PHONE', 'a phone number, checked by an operator', ''),
  (2, 'IDENTITY', 'full name and country, an identity document and a selfie with it', 'ID_DOCUMENT,SELFIE'),
  (3, 'ADDRESS', 'a proof of address no older than three months', 'PROOF_OF_ADDRESS');

CREATE TABLE kyc_applications (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id      BIGINT        NOT NULL,
  level        INT           NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  full_name    VARCHAR(128)  NULL,
  country      CHAR(2)       NULL,
  phone        VARCHAR(20)   NULL,
  reason       VARCHAR(255)  NULL,
  reviewed_by  VARCHAR(255)  NULL,
  created_at   DATETIME(6)   NOT NULL,
  reviewed_at  DATETIME(6)   NULL,
  KEY ix_kyc_applications_user (user_id),
  KEY ix_kyc_applications_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE kyc_documents (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id  BIGINT        NOT NULL,
  user_id         BIGINT        NOT NULL,
  kind            VARCHAR(32)   NOT NULL,
  content_type    VARCHAR(64)   NOT NULL,
  size_bytes      BIGINT        NOT NULL,
  sha256          CHAR(64)      NOT NULL,
  stored_name     VARCHAR(128)  NOT NULL,
  created_at      DATETIME(6)   NOT NULL,
  UNIQUE KEY uk_kyc_documents_kind (application_id, kind),
  CONSTRAINT fk_kyc_documents_application FOREIGN KEY (application_id) REFERENCES kyc_applications (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
