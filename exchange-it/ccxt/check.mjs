// Drives the exchange's /api/v3 with ccxt's own binance class, as a Binance user's program would,
// and prints what it saw as one JSON line for CcxtIT to check. Exits non-zero on any failure.
import { ccxt, connect, sleep } from './exchange.mjs';

const seen = {};
try {
  const exchange = await connect(ccxt.binance, process.env.EXCHANGE_API_KEY, process.env.EXCHANGE_API_SECRET);
  const markets = exchange.markets;
  seen.markets = Object.keys(markets).sort();
  const btc = markets['BTC/USDT'];
  seen.btcPrecision = { price: btc.precision.price, amount: btc.precision.amount, minCost: btc.limits.cost.min };
  const ticker = await exchange.fetchTicker('BTC/USDT');
  seen.tickerSymbol = ticker.symbol;
  const book = await exchange.fetchOrderBook('BTC/USDT', 5);
  seen.bookSides = [Array.isArray(book.bids), Array.isArray(book.asks)];
  seen.bookNonce = book.nonce;
  const trades = await exchange.fetchTrades('BTC/USDT', undefined, 10);
  seen.tradesIsList = Array.isArray(trades);
  const before = await exchange.fetchBalance();
  seen.usdtFreeBefore = before.USDT.free;
  const order = await exchange.createOrder('BTC/USDT', 'limit', 'buy', 0.001, 10000);
  seen.orderId = order.id;
  seen.placedStatus = order.status;
  const fetched = await exchange.fetchOrder(order.id, 'BTC/USDT');
  seen.fetched = { status: fetched.status, price: fetched.price, amount: fetched.amount, side: fetched.side, type: fetched.type };
  const open = await exchange.fetchOpenOrders('BTC/USDT');
  seen.openContainsOrder = open.some((o) => o.id === order.id);
  const during = await exchange.fetchBalance();
  seen.usdtUsedWhileOpen = during.USDT.used;
  await exchange.cancelOrder(order.id, 'BTC/USDT');
  let status;
  for (let i = 0; i < 60; i++) {
    status = (await exchange.fetchOrder(order.id, 'BTC/USDT')).status;
    if (status === 'canceled') break;
    await sleep(500);
  }
  seen.finalStatus = status;
  seen.usdtFreeAfter = (await exchange.fetchBalance()).USDT.free;
  console.log(JSON.stringify(seen));
} catch (e) {
  console.error(`ccxt check failed after ${JSON.stringify(seen)}: ${e.constructor.name}: ${e.message}`);
  process.exit(1);
}
