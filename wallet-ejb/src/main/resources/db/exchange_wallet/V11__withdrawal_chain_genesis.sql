-- Issue #14: a signed Ethereum withdrawal remembers the chain it was signed for (its genesis
-- block's hash), so the nonces it holds are held on that chain only: a dev chain restarted under
-- the same database is another chain, whose nonces start again from zero.
ALTER TABLE withdrawals ADD COLUMN chain_genesis VARCHAR(80) NULL;
