-- Four eyes: a withdrawal of at least four_eyes_above needs two operators' approvals, the first
-- one recorded here until a second, different operator approves. Data, per asset and network.
ALTER TABLE asset_networks ADD COLUMN four_eyes_above DECIMAL(36,18) NOT NULL DEFAULT 0;
UPDATE asset_networks SET four_eyes_above = 1 WHERE asset = 'BTC';
UPDATE asset_networks SET four_eyes_above = 10 WHERE asset = 'ETH';
UPDATE asset_networks SET four_eyes_above = 10000 WHERE asset = 'USDT';

ALTER TABLE withdrawals ADD COLUMN first_approved_by VARCHAR(128) NULL,
                        ADD COLUMN first_approved_at DATETIME(6)  NULL;
