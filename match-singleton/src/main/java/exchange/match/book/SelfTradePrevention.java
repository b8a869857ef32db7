package exchange.match.book;

/** What happens when a taker meets a resting order of the same user. */
public enum SelfTradePrevention {
    /** The taker's remainder expires; the resting order stays. The default. */
    EXPIRE_TAKER,
    /** The resting order expires and matching goes on. */
    EXPIRE_MAKER,
    /** Both expire. */
    EXPIRE_BOTH,
    /** They trade with each other. */
    NONE
}
