// ccxt's binance classes pointed at the exchange: REST at /api/v3, market streams at /ws and the
// WebSocket API at /ws-api/v3, trading one market (several test markets share a base and quote,
// so one unified symbol: the others are dropped).
import ccxt from 'ccxt';

export const base = process.env.EXCHANGE_BASE_URL || 'http://127.0.0.1:8080';
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function connect(Class, apiKey, secret, marketId) {
  const exchange = new Class({
    apiKey,
    secret,
    enableRateLimit: false,
    options: { fetchMarkets: { types: ['spot'] }, fetchMargins: false, fetchCurrencies: false, defaultType: 'spot' },
  });
  exchange.urls.api.public = `${base}/api/v3`;
  exchange.urls.api.private = `${base}/api/v3`;
  if (exchange.urls.api.ws !== undefined) {
    const ws = base.replace(/^http/, 'ws');
    exchange.urls.api.ws.spot = `${ws}/ws`;
    exchange.urls.api.ws['ws-api'].spot = `${ws}/ws-api/v3`;
    // ccxt wants an http agent loaded before it opens a plain ws:// socket (ours is not TLS).
    await exchange.loadHttpProxyAgent();
  }
  await exchange.loadMarkets();
  const all = Object.values(exchange.markets_by_id).flat();
  if (marketId !== undefined) {
    exchange.setMarkets(all.filter((m) => m.id === marketId));
  } else {
    // ccxt files every market under base/quote and the last one listed wins: a test market such
    // as the e2e bench's (BTC against USDT, named after BTCUSDT) would take 'BTC/USDT' over.
    // Keep the markets named base + quote, as Binance names its one market per pair.
    exchange.setMarkets(all.filter((m) => m.id === m.baseId + m.quoteId));
  }
  return exchange;
}

export { ccxt };
