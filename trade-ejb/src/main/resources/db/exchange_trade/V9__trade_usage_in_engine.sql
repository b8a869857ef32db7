-- The matching engine counts each user's daily order notional itself (it applies the trading
-- limits as it accepts orders): the table the placing transaction added to is gone.
DROP TABLE trade_usage;
