package exchange.api.engine;

import jakarta.ejb.Local;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The engine's business interface: every command that changes a balance, a book or what trading
 * depends on goes through it, and is answered once it is on the journal and applied. Refusals are
 * {@link exchange.api.error.BusinessException}s with the engine's reason; a command the engine did
 * not answer in time is ENGINE_UNAVAILABLE (it may still be applied later: a retry of a place with
 * the same clientOrderId is placed once, and money commands are keyed by their business id).
 */
@Local
public interface EngineGateway {
    /**
     * An order that passed the symbol's filters. {@code price} null for market orders;
     * {@code quantity} null for a market buy by {@code quoteQuantity}.
     */
    record NewOrder(long userId, String symbol, String side, String type, String timeInForce,
                    String selfTradePrevention, BigDecimal price, BigDecimal quantity, BigDecimal quoteQuantity,
                    String clientOrderId) implements Serializable {
    }

    /** One fill of an order, from its owner's side. */
    record Fill(long tradeId, BigDecimal price, BigDecimal quantity, BigDecimal commission, String commissionAsset,
                boolean maker) implements Serializable {
    }

    /**
     * An order's state right after a command: NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED or
     * REJECTED, with what the command filled. {@code earlier} is true when the clientOrderId named
     * an order placed before: nothing new was placed, and the state is that order's, read from the
     * engine if it is still open (else only its id is known here).
     */
    record OrderState(long orderId, long sequence, long time, String status, BigDecimal executedQuantity,
                      BigDecimal cumulativeQuoteQuantity, BigDecimal heldAmount, String heldAsset, List<Fill> fills,
                      boolean earlier, OrderTerms terms) implements Serializable {
    }

    /**
     * What an order was placed with, as the engine holds it while it is open: a cancel's answer
     * carries it, so the canceled order is answered without waiting for its row.
     */
    record OrderTerms(String symbol, String side, String type, String timeInForce, String selfTradePrevention,
                      BigDecimal price, BigDecimal quantity, String clientOrderId, long createdAt) implements Serializable {
    }

    OrderState place(NewOrder order);

    /**
     * NOT_FOUND when the engine holds no such open order of the user's. The answer's terms are null
     * when the order traded between reading them and canceling it (then read the order's row).
     */
    OrderState cancel(long userId, long orderId);

    /** The terms of an open order of the user's, from the engine (no wait for projections); null when not open. */
    OrderTerms openOrder(long userId, long orderId);

    /** A confirmed deposit credited, once per deposit id. */
    void deposit(long depositId, long userId, String asset, BigDecimal amount);

    /** An approved adjustment posted, once per adjustment id; INSUFFICIENT_BALANCE below zero. */
    void adjust(long adjustmentId, long userId, String asset, BigDecimal delta);

    /** A withdrawal's amount (fee included) frozen, once per withdrawal id; INSUFFICIENT_BALANCE if short. */
    void freezeWithdrawal(long withdrawalId, long userId, String asset, BigDecimal amount);

    /** A withdrawal canceled or refused: its frozen amount back, once. */
    void releaseWithdrawal(long withdrawalId);

    /** A withdrawal sent: its frozen amount leaves, once. */
    void completeWithdrawal(long withdrawalId);

    /** A user's fee rates on every market (a fee tier), or the markets' own when both are null. */
    void setUserFees(long userId, BigDecimal makerRate, BigDecimal takerRate);

    /** A user's KYC level reached (its trading limits apply to the next order). */
    void setUserLevel(long userId, int level);

    /**
     * Brings the engine's trading limits in line with the trade service's table (only what differs
     * becomes a command). Called at the engine's start and whenever the table may have changed.
     */
    void tradingLimitsChanged(List<exchange.api.trade.MarketDirectory.TradingLimit> limits);

    /** What the user's orders in a quote asset have counted against today's (UTC) limit. */
    BigDecimal usedToday(long userId, String quoteAsset);

    /**
     * A market listed, halted or resumed, or its fees changed, as the symbol table now says (call it
     * after the change committed): the engine lists it, or follows its status and fees.
     * VALIDATION_FAILED if its tick and step do not fit the engine's units.
     */
    void marketChanged(exchange.api.trade.SymbolView symbol);

    /**
     * Waits (bounded) until every projection has applied the engine's results for this user's
     * last command, so a read right after a write sees it (read your writes).
     */
    void awaitProjected(long userId);

    /** A projection reports, after its transaction committed, the sequence it has applied up to. */
    void projected(String projection, long nextSequence);
}
