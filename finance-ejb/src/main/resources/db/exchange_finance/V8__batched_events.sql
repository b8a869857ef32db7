-- The wallet reports its balance changes as one BalancesChanged per projection batch; each change
-- is a fund flow keyed by the batch's event id and its place in it (<event id>/<index>).
ALTER TABLE fund_flows MODIFY event_id VARCHAR(48) NOT NULL;
-- Finance audits a batch event as one entry, its whole payload kept.
ALTER TABLE audit_log MODIFY payload MEDIUMTEXT NOT NULL;
