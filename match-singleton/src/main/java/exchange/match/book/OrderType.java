package exchange.match.book;

/** What the taker asks for. MARKET_QUOTE is a market buy spending a quote amount, not a quantity. */
public enum OrderType {
    LIMIT, LIMIT_MAKER, MARKET, MARKET_QUOTE
}
