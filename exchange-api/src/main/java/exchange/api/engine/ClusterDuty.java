package exchange.api.engine;

import jakarta.ejb.Local;

/**
 * Whether this instance does the cluster's once-only work: scanning the chains for deposits,
 * sending withdrawals, the daily finance job. On a cluster that is the instance whose engine
 * leads (one lock, already elected, already fenced: no second election to disagree with); a
 * single node always does it. Asked at each pass, so a takeover moves the work with the engine.
 */
@Local
public interface ClusterDuty {
    boolean ours();
}
