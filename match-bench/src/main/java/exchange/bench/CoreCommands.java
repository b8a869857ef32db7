package exchange.bench;

import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.api.ApiAdjustUserBalance;
import exchange.core2.core.common.api.ApiCancelOrder;
import exchange.core2.core.common.api.ApiCommand;
import exchange.core2.core.common.api.ApiMoveOrder;
import exchange.core2.core.common.api.ApiPlaceOrder;

/** How our stream reads in exchange-core's vocabulary; shared by both exchange-core runners. */
final class CoreCommands {
    static final int SYMBOL = 1;
    static final int BASE_CURRENCY = 1;
    static final int QUOTE_CURRENCY = 2;

    private CoreCommands() {
    }

    /** An exchange pair with scale 1 on both sides, so a price is ticks and a size is lots, as in our book. */
    static CoreSymbolSpecification symbol() {
        return CoreSymbolSpecification.builder()
                .symbolId(SYMBOL)
                .type(SymbolType.CURRENCY_EXCHANGE_PAIR)
                .baseCurrency(BASE_CURRENCY)
                .quoteCurrency(QUOTE_CURRENCY)
                .baseScaleK(1)
                .quoteScaleK(1)
                .takerFee(0)
                .makerFee(0)
                .build();
    }

    static OrderAction action(byte side) {
        return side == CommandStream.BUY ? OrderAction.BID : OrderAction.ASK;
    }

    /**
     * exchange-core refuses to move a bid above the price it reserved funds for, even with risk
     * processing off; reserving the highest price in the stream makes every move legal, as our
     * engine treats it.
     */
    static long reservePrice(CommandStream s, byte side) {
        return side == CommandStream.BUY ? (s.funded ? s.bidReserve : s.maxPrice) : 0;
    }

    /**
     * The stream as exchange-core's benchmark feeds it: one immutable API object per command, built
     * before the clock starts. This is its own benchmark's method, and the only per-command objects
     * in this harness.
     */
    static ApiCommand[] toApiCommands(CommandStream s) {
        ApiCommand[] out = new ApiCommand[s.size];
        for (int i = 0; i < s.size; i++) {
            switch (s.type[i]) {
                case CommandStream.GTC:
                case CommandStream.IOC:
                    out[i] = ApiPlaceOrder.builder()
                            .symbol(SYMBOL)
                            .uid(s.userId[i])
                            .orderId(s.orderId[i])
                            .action(action(s.side[i]))
                            .orderType(s.type[i] == CommandStream.IOC ? OrderType.IOC : OrderType.GTC)
                            .price(s.price[i])
                            .reservePrice(reservePrice(s, s.side[i]))
                            .size(s.quantity[i])
                            .build();
                    break;
                case CommandStream.CANCEL:
                    out[i] = ApiCancelOrder.builder().symbol(SYMBOL).uid(s.userId[i]).orderId(s.orderId[i]).build();
                    break;
                case CommandStream.MOVE:
                    out[i] = ApiMoveOrder.builder().symbol(SYMBOL).uid(s.userId[i]).orderId(s.orderId[i])
                            .newPrice(s.price[i]).build();
                    break;
                case CommandStream.DEPOSIT:
                    // Transaction ids grow through the stream, so they grow per user, as exchange-core requires.
                    out[i] = ApiAdjustUserBalance.builder().uid(s.userId[i])
                            .currency(s.side[i] == CommandStream.BASE ? BASE_CURRENCY : QUOTE_CURRENCY)
                            .amount(s.quantity[i]).transactionId(s.orderId[i]).build();
                    break;
                default:
                    throw new IllegalStateException("command type " + s.type[i]);
            }
        }
        return out;
    }
}
