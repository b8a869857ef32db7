package exchange.match.core;

/**
 * Why a balance moved, as the wallet's journal names its business types: each balance event
 * carries one, with the id of the business object (order, trade, withdrawal, deposit).
 */
public enum BalanceCause {
    /** Money in from the chain: available up. */
    DEPOSIT,
    /** An operator's audited correction, either way. */
    ADJUSTMENT,
    /** A withdrawal applied for: available to frozen. */
    WITHDRAWAL_FREEZE,
    /** A withdrawal refused or canceled: frozen back to available. */
    WITHDRAWAL_RELEASE,
    /** A withdrawal sent: frozen leaves the exchange. */
    WITHDRAWAL_COMPLETE,
    /** An order accepted: what it may spend moves from available to frozen. */
    ORDER_HOLD,
    /** What an order held and no longer needs: back to available (after it ends, or a fill below its reserve). */
    ORDER_RELEASE,
    /** A fill: the payer's frozen leaves, the receiver's available grows (net of the fee). */
    TRADE,
    /** The fee of a fill, into the exchange's fee account. */
    TRADE_FEE
}
