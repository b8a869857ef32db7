// ccxt's own Binance WebSocket client (ccxt.pro.binance) against the exchange's Binance-shaped
// streams: it keeps a local order book from a REST snapshot plus depthUpdate diffs (checking that
// each diff's U follows the last u) while two accounts trade at random through ccxt's REST
// client, and watches trades and the ticker. Prints what it saw as one JSON line for CcxtIT.
import { ccxt, connect, sleep } from './exchange.mjs';

const marketId = process.env.EXCHANGE_MARKET;
const keys = [
  [process.env.EXCHANGE_API_KEY, process.env.EXCHANGE_API_SECRET],
  [process.env.EXCHANGE_API_KEY_2, process.env.EXCHANGE_API_SECRET_2],
];
const levels = (side) => side.map(([p, q]) => `${p}:${q}`).join(',');
const seen = {};
try {
  const watcher = await connect(ccxt.pro.binance, keys[0][0], keys[0][1], marketId);
  const traders = [await connect(ccxt.binance, ...keys[0], marketId), await connect(ccxt.binance, ...keys[1], marketId)];
  const symbol = watcher.markets_by_id[marketId][0].symbol;
  seen.symbol = symbol;

  let updates = 0;
  let watchError;
  const trades = new Map();
  let ticker;
  const watching = (async () => {
    for (;;) {
      await watcher.watchOrderBook(symbol);
      updates++;
    }
  })().catch((e) => { watchError = e; });
  (async () => {
    for (;;) {
      for (const t of await watcher.watchTrades(symbol)) trades.set(t.id, t);
    }
  })().catch((e) => { watchError = e; });
  (async () => {
    for (;;) ticker = await watcher.watchTicker(symbol);
  })().catch((e) => { watchError = e; });

  // Random trading around 100, while the local book syncs and follows.
  // mulberry32: a small seeded generator, so a failing run can be replayed.
  let seed = 7;
  const random = (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * n) | 0;
  };
  const placed = [];
  for (let i = 0; i < 60; i++) {
    const who = random(2);
    if (random(5) === 0 && placed.length > 0) {
      const [owner, id] = placed[random(placed.length)];
      try { await traders[owner].cancelOrder(id, symbol); } catch (e) { /* already done */ }
      continue;
    }
    const side = random(2) === 0 ? 'buy' : 'sell';
    const price = 100 + random(10) - (side === 'buy' ? 4 : 0);
    const order = await traders[who].createOrder(symbol, 'limit', side, (1 + random(9)) / 10, price);
    placed.push([who, order.id]);
  }
  seen.ordersPlaced = placed.length;

  // The local book, kept from diffs alone since its snapshot, must come to equal a fresh REST depth.
  let equal = false;
  for (let i = 0; i < 60 && !equal && watchError === undefined; i++) {
    await sleep(500);
    const local = watcher.orderbooks[symbol];
    const rest = await traders[0].fetchOrderBook(symbol, 1000);
    if (local !== undefined && local.nonce === rest.nonce) {
      equal = levels(local.bids) === levels(rest.bids) && levels(local.asks) === levels(rest.asks);
      seen.bidLevels = rest.bids.length;
      seen.askLevels = rest.asks.length;
      seen.nonce = local.nonce;
    }
  }
  if (watchError !== undefined) throw watchError;
  seen.booksEqual = equal;
  seen.bookUpdates = updates;
  const restTrades = await traders[0].fetchTrades(symbol, undefined, 1000);
  for (let i = 0; i < 40 && trades.size < restTrades.length; i++) await sleep(250);
  seen.tradesWatched = trades.size;
  seen.tradesRest = restTrades.length;
  seen.sameTradeIds = restTrades.every((t) => trades.has(t.id));
  for (let i = 0; i < 40 && (ticker === undefined || ticker.last !== restTrades[restTrades.length - 1].price); i++) await sleep(250);
  seen.tickerLast = ticker === undefined ? null : ticker.last;
  seen.lastTradePrice = restTrades[restTrades.length - 1].price;
  console.log(JSON.stringify(seen));
  process.exit(0);
} catch (e) {
  console.error(`ccxt watch failed after ${JSON.stringify(seen)}: ${e.constructor.name}: ${e.message}`);
  process.exit(1);
}
