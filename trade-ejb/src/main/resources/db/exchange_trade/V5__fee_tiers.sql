-- Fee tiers ("user groups" for fees): a user in a tier pays the tier's maker and taker rates on
-- every symbol; everyone else pays the symbol's own rates.
CREATE TABLE fee_tiers (
  tier       VARCHAR(32)    NOT NULL PRIMARY KEY,
  maker_fee  DECIMAL(36,18) NOT NULL,
  taker_fee  DECIMAL(36,18) NOT NULL,
  CONSTRAINT ck_fee_tiers_maker CHECK (maker_fee >= 0 AND maker_fee <= 0.1),
  CONSTRAINT ck_fee_tiers_taker CHECK (taker_fee >= 0 AND taker_fee <= 0.1)
) ENGINE = InnoDB;

CREATE TABLE user_fee_tiers (
  user_id  BIGINT      NOT NULL PRIMARY KEY,
  tier     VARCHAR(32) NOT NULL,
  CONSTRAINT fk_user_fee_tiers_tier FOREIGN KEY (tier) REFERENCES fee_tiers (tier)
) ENGINE = InnoDB;

INSERT INTO fee_tiers (tier, maker_fee, taker_fee) VALUES
  ('VIP1', 0.0009, 0.0010),
  ('VIP2', 0.0008, 0.0009),
  ('VIP3', 0.0006, 0.0008),
  ('MARKET_MAKER', 0.0000, 0.0005);
