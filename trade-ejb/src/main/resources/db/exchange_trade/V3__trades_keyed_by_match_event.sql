-- A trade is identified by the engine result that made it (whose id derives from the command's
-- event id) and its index in it; the per-symbol sequence restarts with a new command journal.
ALTER TABLE trades ADD COLUMN match_event_id CHAR(36) NULL AFTER symbol;
UPDATE trades SET match_event_id = CONCAT('legacy-', id) WHERE match_event_id IS NULL;
ALTER TABLE trades MODIFY match_event_id VARCHAR(36) NOT NULL;
ALTER TABLE trades DROP INDEX uk_trades_match;
ALTER TABLE trades ADD CONSTRAINT uk_trades_match_event UNIQUE (match_event_id, fill_index);
