package exchange.wallet.withdraw;

import exchange.api.engine.EngineGateway;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Compensation: the engine froze a withdrawal's funds at once, outside this transaction; should
 * the transaction roll back, the withdrawal never existed, so the engine releases them again.
 */
final class ReleaseOnRollback implements Synchronization {
    private static final Logger LOG = Logger.getLogger(ReleaseOnRollback.class.getName());
    private static final int ATTEMPTS = 5;

    private final EngineGateway gateway;
    private final ManagedExecutorService executor;
    private final long withdrawalId;
    private volatile boolean needed = true;

    ReleaseOnRollback(EngineGateway gateway, ManagedExecutorService executor, long withdrawalId) {
        this.gateway = gateway;
        this.executor = executor;
        this.withdrawalId = withdrawalId;
    }

    /** The engine refused the freeze: nothing to give back. */
    void notNeeded() {
        needed = false;
    }

    @Override
    public void beforeCompletion() {
    }

    @Override
    public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED || !needed) {
            return;
        }
        // On another thread: no EJB call from a transaction's completion.
        executor.execute(this::release);
    }

    private void release() {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                gateway.releaseWithdrawal(withdrawalId);
                LOG.info("withdrawal " + withdrawalId + " rolled back: its engine freeze released");
                return;
            } catch (RuntimeException e) {
                if (e instanceof BusinessException b && b.code() != ErrorCode.ENGINE_UNAVAILABLE) {
                    LOG.warning("withdrawal " + withdrawalId + " rolled back; the engine answered its release with "
                            + b.code() + ": " + b.getMessage());
                    return;
                }
                if (!pause(attempt, e)) {
                    return;
                }
            }
        }
    }

    /** False, with the reason logged, when the release is given up. */
    private boolean pause(int attempt, RuntimeException e) {
        if (attempt == ATTEMPTS) {
            LOG.log(Level.SEVERE, "withdrawal " + withdrawalId + " rolled back but its engine freeze could not be"
                    + " released: release it by hand (EngineGateway.releaseWithdrawal)", e);
            return false;
        }
        try {
            Thread.sleep(1000L * attempt);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            LOG.log(Level.SEVERE, "withdrawal " + withdrawalId + " rolled back; the release of its engine freeze"
                    + " was interrupted: release it by hand", e);
            return false;
        }
    }
}
