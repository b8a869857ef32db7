package exchange.wallet.chain;

/**
 * One chain as the withdrawal path sees it: a node that takes signed transactions and tells where
 * a sent one stands. Signing happens before, apart from the node (the hot key never leaves the
 * exchange). Throws {@link ChainUnavailableException} when the node cannot answer.
 */
public interface WithdrawChain {
    String chain();

    /**
     * Hands a signed transaction to the node; returns quietly when the node already has it, so a
     * re-send of the same transaction is harmless. Throws {@link TransactionRefusedException} when
     * the node refuses it for good.
     */
    void broadcast(String rawTransaction, String txHash);

    /** Where a sent transaction stands on the node's current chain. */
    Sent lookup(String txHash);

    enum State {
        /** The node knows nothing of it: never received, or dropped. */
        UNKNOWN,
        /** Waiting in the node's mempool. */
        PENDING,
        /** In a block of the current chain, and it did what it was meant to. */
        MINED,
        /** In a block, but it failed (an Ethereum transaction that reverted): nothing was paid. */
        FAILED
    }

    record Sent(State state, long blockHeight, long confirmations) {
        public static final Sent UNKNOWN = new Sent(State.UNKNOWN, -1, 0);
        public static final Sent PENDING = new Sent(State.PENDING, -1, 0);
    }
}
