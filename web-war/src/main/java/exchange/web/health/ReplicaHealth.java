package exchange.web.health;

import exchange.api.persistence.ReplicaState;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The database replica's lag, where the on-call engineer looks: always UP (a replica that is down
 * or behind only sends lag-tolerant reads back to the primary), with whether it serves those reads,
 * its lag in seconds and, when it does not serve, why.
 */
@Readiness
@ApplicationScoped
public class ReplicaHealth implements HealthCheck {
    @Resource(lookup = "jdbc/exchange-replica")
    private DataSource replica;
    @Inject
    @ConfigProperty(name = "exchange.db.replica.max-lag-seconds", defaultValue = "5")
    private long maxLagSeconds;

    @Override
    public HealthCheckResponse call() {
        ReplicaState state = ReplicaState.of(replica);
        var r = HealthCheckResponse.named("database-replica").up()
                .withData("serves", state.serves(maxLagSeconds) ? "replica" : "primary")
                .withData("lagSeconds", state.lagSeconds())
                .withData("maxLagSeconds", maxLagSeconds);
        return state.problem() == null ? r.build() : r.withData("problem", state.problem()).build();
    }
}
