-- Trading is watched too: an order of at least the threshold (notional, in the market's quote
-- asset) raises a finding for operators (ALERT: it trades; a HOLD would hold the user's
-- withdrawals for the window, as deposits and lock-outs do).
INSERT INTO risk_rules (code, kind, description, asset, threshold, window_seconds, action, enabled, updated_at) VALUES
  ('LARGE_ORDER_USDT', 'ORDER_NOTIONAL', 'An order of at least the threshold in notional', 'USDT', 500000, 86400, 'ALERT', TRUE, NOW(6)),
  ('LARGE_ORDER_BTC',  'ORDER_NOTIONAL', 'An order of at least the threshold in notional', 'BTC', 10, 86400, 'ALERT', TRUE, NOW(6)),
  ('LARGE_ORDER_ETH',  'ORDER_NOTIONAL', 'An order of at least the threshold in notional', 'ETH', 200, 86400, 'ALERT', TRUE, NOW(6));
