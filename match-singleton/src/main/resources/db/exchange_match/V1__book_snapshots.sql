-- The engine's snapshots: every book and the command offset of each trade-events queue they
-- reflect. A start loads the newest and replays only what came after.
CREATE TABLE book_snapshots (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    taken_at  DATETIME(6)   NOT NULL,
    commands  BIGINT        NOT NULL,
    offsets   VARCHAR(4000) NOT NULL,
    books     LONGBLOB      NOT NULL
) ENGINE = InnoDB;
