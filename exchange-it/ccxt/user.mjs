// ccxt's own Binance WebSocket client follows one account's orders and balances through the
// WebSocket API's user data stream (userDataStream.subscribe.signature on /ws-api/v3) while the
// account trades through ccxt's REST client. Prints what it saw as one JSON line for CcxtIT.
import { ccxt, connect, sleep } from './exchange.mjs';

const marketId = process.env.EXCHANGE_MARKET;
const seen = {};
try {
  const watcher = await connect(ccxt.pro.binance, process.env.EXCHANGE_API_KEY, process.env.EXCHANGE_API_SECRET, marketId);
  const me = await connect(ccxt.binance, process.env.EXCHANGE_API_KEY, process.env.EXCHANGE_API_SECRET, marketId);
  const other = await connect(ccxt.binance, process.env.EXCHANGE_API_KEY_2, process.env.EXCHANGE_API_SECRET_2, marketId);
  const symbol = watcher.markets_by_id[marketId][0].symbol;

  await watcher.authenticate();  // the signed subscription, before anything happens
  const orders = new Map();
  let balance;
  let watchError;
  (async () => {
    for (;;) for (const o of await watcher.watchOrders(symbol)) orders.set(o.id, o);
  })().catch((e) => { watchError = e; });
  (async () => {
    for (;;) balance = await watcher.watchBalance();
  })().catch((e) => { watchError = e; });
  await sleep(300);

  const sell = await me.createOrder(symbol, 'limit', 'sell', 0.5, 100);
  await other.createOrder(symbol, 'limit', 'buy', 0.5, 100);
  const buy = await me.createOrder(symbol, 'limit', 'buy', 0.1, 50);
  await me.cancelOrder(buy.id, symbol);
  // Once the stream shows both orders done, REST and the streamed balances must agree.
  let rest;
  for (let i = 0; i < 60 && watchError === undefined; i++) {
    if (orders.get(sell.id)?.status === 'closed' && orders.get(buy.id)?.status === 'canceled') {
      rest = await me.fetchBalance();
      if (balance?.BTC?.free === rest.BTC.free && balance?.USDT?.free === rest.USDT.free) break;
    }
    await sleep(250);
  }
  rest = rest ?? await me.fetchBalance();
  if (watchError !== undefined) throw watchError;
  const s = orders.get(sell.id);
  seen.sell = s === undefined ? null : { status: s.status, filled: s.filled, fee: s.fee?.cost, feeCurrency: s.fee?.currency };
  seen.buyStatus = orders.get(buy.id)?.status ?? null;
  seen.ordersWatched = orders.size;
  seen.watched = { btcFree: balance?.BTC?.free, btcUsed: balance?.BTC?.used, usdtFree: balance?.USDT?.free };
  seen.rest = { btcFree: rest.BTC.free, btcUsed: rest.BTC.used, usdtFree: rest.USDT.free };
  console.log(JSON.stringify(seen));
  process.exit(0);
} catch (e) {
  console.error(`ccxt user stream failed after ${JSON.stringify(seen)}: ${e.constructor.name}: ${e.message}`);
  process.exit(1);
}
