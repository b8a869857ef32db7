-- Wallets an operator froze: no withdrawal is applied for or approved while a row is here.
CREATE TABLE wallet_freezes (
  user_id    BIGINT        NOT NULL PRIMARY KEY,
  reason     VARCHAR(255)  NOT NULL,
  frozen_by  VARCHAR(254)  NOT NULL,
  frozen_at  DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
