-- Every operator action of the console (seed: 审计日志事件): who did what to which subject, when,
-- and the subject before and after, as the console saw it.
CREATE TABLE operator_actions (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  operator    VARCHAR(254)  NOT NULL,
  action      VARCHAR(64)   NOT NULL,
  subject     VARCHAR(128)  NOT NULL,
  before_state TEXT         NULL,
  after_state  TEXT         NULL,
  acted_at    DATETIME(6)   NOT NULL,
  KEY ix_operator_actions_operator (operator, id),
  KEY ix_operator_actions_subject (subject, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
