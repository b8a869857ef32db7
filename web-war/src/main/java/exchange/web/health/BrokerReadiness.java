package exchange.web.health;

import exchange.api.event.Topics;
import exchange.api.messaging.RocketMqSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the name server answers and a broker serves every event topic. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {
    private DefaultMQProducer probe;

    @PostConstruct
    void start() {
        probe = new DefaultMQProducer("health-probe-group");
        RocketMqSettings.apply(probe);
        probe.setInstanceName("health-probe");
        try {
            probe.start();
        } catch (MQClientException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        probe.shutdown();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int queues = 0;
            for (String topic : Topics.ALL) {
                queues += probe.fetchPublishMessageQueues(topic).size();
            }
            return HealthCheckResponse.named("rocketmq").up().withData("queues", queues).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("rocketmq").down().withData("error", e.toString()).build();
        }
    }
}
