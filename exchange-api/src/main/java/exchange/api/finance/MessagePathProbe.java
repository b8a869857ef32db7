package exchange.api.finance;

import jakarta.ejb.Local;

/** Operations: sends a probe event through outbox and broker to the audit log, end to end. */
@Local
public interface MessagePathProbe {
    /**
     * Publishes a {@code MessagePathProbed} event and returns its probe id. With {@code rollBack}
     * the transaction is rolled back after publishing, which must publish nothing (PROBE_ROLLED_BACK).
     */
    String probe(String operator, boolean rollBack);
}
