package exchange.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cluster's promise, in the short form of {@code ./exchange chaos}: while traders trade through
 * the one address, the broker group's master replica is killed with -9 and started again, then the
 * instance leading the engine. The
 * survivor leads within 5 s, the killed instance comes back as its standby, and afterwards
 * nothing answered as accepted is lost, nothing is doubled, the books balance, and the engine is
 * a replay of its journal. Runs on the cluster only: {@code ./exchange test} starts it for this
 * test after the single-node suite.
 */
class ClusterChaosIT {
    @Test
    void killingTheLeadingInstanceLosesNothing() throws Exception {
        // The broker group's master first (its replica rejoins in about 30 s), then the leading instance.
        ChaosRun run = new ChaosRun(new ChaosRun.Settings(Integer.getInteger("chaos.seconds", 90), 7, 12, 6, 2,
                List.of(ChaosRun.FaultKind.KILL_BROKER_MASTER, ChaosRun.FaultKind.KILL_LEADER),
                // Ether in and out on the dev chain throughout: every payment credited once, every
                // accepted withdrawal paid once and completed, whoever leads when.
                true),
                Path.of(System.getProperty("exchange.work", ".work")));
        assertTrue(run.cluster().running(), "the cluster runs (./exchange start --cluster)");
        ChaosReport report = run.run();
        System.out.print(report.text());
        assertTrue(report.faults().stream().anyMatch(f -> f.kind() == ChaosRun.FaultKind.KILL_LEADER),
                "a leader was killed: " + report.faults());
        assertTrue(report.faults().stream().anyMatch(f -> f.kind() == ChaosRun.FaultKind.KILL_BROKER_MASTER),
                "the broker master was killed: " + report.faults());
        assertTrue(report.acceptedPlaces() > 100 && report.trades() > 10, "the run really traded: " + report.text());
        assertEquals(List.of(), report.problems(), report.text());
    }
}
