-- Issue #14: a balance adjustment at or above its asset's four-eyes amount waits for a second,
-- different operator (one who existed before it was asked for) before anything is posted.
ALTER TABLE adjustments
  ADD COLUMN status      VARCHAR(24)  NOT NULL DEFAULT 'POSTED',
  ADD COLUMN approved_by VARCHAR(254) NULL,
  ADD COLUMN approved_at DATETIME(6)  NULL;
