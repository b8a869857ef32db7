-- The sequencer's snapshots of the whole engine state (books, balances, limits, indexes): the
-- journal position of the first entry they do not hold and the command sequence they reached.
-- A start loads the newest and replays the journal from that position.
CREATE TABLE core_snapshots (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    taken_at  DATETIME(6) NOT NULL,
    sequence  BIGINT      NOT NULL,
    position  BIGINT      NOT NULL,
    state     LONGBLOB    NOT NULL
) ENGINE = InnoDB;
