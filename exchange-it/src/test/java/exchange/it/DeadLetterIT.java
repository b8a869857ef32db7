package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Poison;
import exchange.it.support.Users;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

/**
 * A message its consumer can never process is retried with back-off (1 s, 5 s, 10 s, 30 s, 1 min)
 * and then parked in the group's dead-letter queue, leaving no trace of a half-done effect.
 * Takes about two minutes: the back-off is the production one.
 */
class DeadLetterIT {
    private static final Duration DEADLINE = Duration.ofMinutes(10);

    @Test
    void aMessageThatKeepsFailingEndsInTheDeadLetterQueue() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String suffix = eventId.substring(0, 8);
        Poison.send(eventId);

        DefaultLitePullConsumer dlq = new DefaultLitePullConsumer("it-dlq-reader-" + suffix);
        dlq.setNamesrvAddr("127.0.0.1:9876");
        dlq.setInstanceName(dlq.getConsumerGroup());
        dlq.setAutoCommit(false);
        MessageExt parked = null;
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        try {
            dlq.start();
            // The dead-letter topic exists only once a first message is parked: wait for it, then
            // read its queues from the start.
            Collection<MessageQueue> queues = List.of();
            while (queues.isEmpty() && System.nanoTime() < deadline) {
                try {
                    queues = dlq.fetchMessageQueues("%DLQ%wallet-service-group");
                } catch (Exception notYet) {
                    queues = List.of();
                }
                if (queues.isEmpty()) {
                    Thread.sleep(1000);
                }
            }
            dlq.assign(queues);
            for (MessageQueue q : queues) {
                dlq.seek(q, 0);
            }
            while (parked == null && System.nanoTime() < deadline) {
                for (MessageExt m : dlq.poll(1000)) {
                    if (eventId.equals(m.getUserProperty("eventId"))) {
                        parked = m;
                    }
                }
            }
        } finally {
            dlq.shutdown();
        }
        assertTrue(parked != null, "poison message reached %DLQ%wallet-service-group within " + DEADLINE);
        assertEquals("{\"userId\":\"not-a-number\"}", new String(parked.getBody(), StandardCharsets.UTF_8));
        assertTrue(parked.getReconsumeTimes() >= 5, "retried five times first, was " + parked.getReconsumeTimes());
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_wallet.processed_events WHERE event_id = ?", eventId),
                "every failed attempt rolled back, including its processed mark");

        // Operators see it parked, with where it came from, and send it back once.
        String admin = Users.adminToken();
        jakarta.json.JsonObject listed = Api.get("/api/admin/operations/dead-letters?group=wallet-service-group&limit=1000", admin)
                .structure().asJsonArray().getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(d -> eventId.equals(d.getString("eventId", null))).findFirst().orElseThrow();
        assertEquals("user-events", listed.getString("originTopic"), listed.toString());
        assertEquals("UserRegistered", listed.getString("tags"));
        Api.Reply replayed = Api.post("/api/admin/operations/dead-letters/wallet-service-group/" + listed.getString("messageId")
                + "/replay", "{}", admin);
        assertEquals(200, replayed.status(), replayed.body());
        assertEquals("admin@exchange.local", replayed.json().getString("replayedBy"));
        Api.Reply again = Api.post("/api/admin/operations/dead-letters/wallet-service-group/" + listed.getString("messageId")
                + "/replay", "{}", admin);
        assertEquals(409, again.status(), again.body());
        assertEquals("ALREADY_REPLAYED", again.errorCode());
        assertEquals(1, Db.count("SELECT COUNT(*) FROM exchange_finance.operator_actions WHERE action = 'dead-letter.replay'"
                + " AND subject = ?", "dead-letter:" + listed.getString("messageId")));
        assertEquals(400, Api.get("/api/admin/operations/dead-letters?group=nope", admin).status());
    }
}
