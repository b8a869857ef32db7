package exchange.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exchange.it.support.Api;
import exchange.it.support.Db;
import exchange.it.support.Eventually;
import exchange.it.support.Users;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;

/**
 * JTA spanning the database and the broker (ARCHITECTURE §2): an aborted transaction publishes
 * nothing, a committed one is delivered exactly once even when the broker is down at commit time,
 * and a redelivered event changes nothing.
 */
class MessagingIT {
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final Pattern PROBE_ID = Pattern.compile("Probe ([0-9a-f-]{36})");

    @Test
    void aRolledBackTransactionPublishesNothing() throws Exception {
        String admin = Users.adminToken();
        Api.Reply rolledBack = Api.post("/api/admin/ops/probe", "{\"rollBack\":true}", admin);
        assertEquals(409, rolledBack.status(), rolledBack.body());
        assertEquals("PROBE_ROLLED_BACK", rolledBack.errorCode());
        Matcher m = PROBE_ID.matcher(rolledBack.json().getString("message"));
        assertTrue(m.find());
        String abortedProbe = m.group(1);

        // A committed probe sent right after travels the same path; once it has arrived, the
        // aborted one would have too.
        String committedProbe = Api.post("/api/admin/ops/probe", "{\"rollBack\":false}", admin).json().getString("probeId");
        Eventually.holds(DELIVERY, "committed probe audited", () -> audited(committedProbe) == 1);
        Thread.sleep(2000);
        assertEquals(0, audited(abortedProbe));
        assertEquals(0, Db.count("SELECT COUNT(*) FROM exchange_finance.outbox WHERE msg_key = ?", abortedProbe));
        assertEquals(1, Db.count("SELECT COUNT(*) FROM exchange_finance.outbox WHERE msg_key = ?", committedProbe));
    }

    @Test
    void aCommitWhileTheBrokerIsDownIsDeliveredOnceWhenItReturns() throws Exception {
        String admin = Users.adminToken();
        broker("stop");
        Users.Trader trader;
        String probe;
        try {
            // Business transactions do not wait for, or fail with, the broker.
            long start = System.nanoTime();
            trader = Users.register("brokerdown");
            probe = Api.post("/api/admin/ops/probe", "{\"rollBack\":false}", admin).json().getString("probeId");
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, "commits do not hang on the broker");
            assertEquals(1, Db.count("SELECT COUNT(*) FROM exchange_user.outbox WHERE event_type = 'UserRegistered' "
                    + "AND msg_key = ? AND sent_at IS NULL", Long.toString(trader.id())));
        } finally {
            broker("start");
        }
        long userId = trader.id();
        Eventually.holds(DELIVERY, "relayed UserRegistered opened the accounts", () ->
                Db.count("SELECT COUNT(*) FROM exchange_wallet.accounts WHERE user_id = ?", userId) == 3);
        Eventually.holds(DELIVERY, "relayed events audited", () -> audited(probe) == 1
                && Db.count("SELECT COUNT(*) FROM exchange_finance.audit_log WHERE event_type = 'UserRegistered' AND subject = ?",
                Long.toString(userId)) == 1);
        Eventually.holds(DELIVERY, "outbox rows marked sent", () -> Db.count(
                "SELECT COUNT(*) FROM exchange_user.outbox WHERE msg_key = ? AND sent_at IS NULL", Long.toString(userId)) == 0);
        Thread.sleep(3000);
        assertEquals(3, Db.count("SELECT COUNT(*) FROM exchange_wallet.accounts WHERE user_id = ?", userId));
        assertEquals(1, audited(probe));
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        Users.Trader trader = Users.register("redelivery");
        String subject = Long.toString(trader.id());
        Eventually.holds(DELIVERY, "accounts opened", () ->
                Db.count("SELECT COUNT(*) FROM exchange_wallet.accounts WHERE user_id = ?", trader.id()) == 3);
        Eventually.holds(DELIVERY, "registration audited", () -> Db.count(
                "SELECT COUNT(*) FROM exchange_finance.audit_log WHERE event_type = 'UserRegistered' AND subject = ?", subject) == 1);
        String eventId = Db.string("SELECT event_id FROM exchange_user.outbox WHERE event_type = 'UserRegistered' AND msg_key = ?", subject);
        String payload = Db.string("SELECT payload FROM exchange_user.outbox WHERE event_id = ?", eventId);

        DefaultMQProducer producer = new DefaultMQProducer("it-redelivery-" + UUID.randomUUID().toString().substring(0, 8));
        producer.setNamesrvAddr("127.0.0.1:9876");
        producer.setInstanceName(producer.getProducerGroup());
        producer.start();
        try {
            for (int i = 0; i < 3; i++) {
                assertEquals(SendStatus.SEND_OK, producer.send(message("user-events", "UserRegistered", subject, eventId, payload)).getSendStatus());
            }
            // A marker sent after the copies: once finance has it, the copies were consumed too.
            String marker = UUID.randomUUID().toString();
            String markerPayload = "{\"operator\":\"it\",\"probeId\":\"" + marker + "\",\"probedAt\":\"" + Instant.now() + "\"}";
            producer.send(message("user-events", "MessagePathProbed", marker, UUID.randomUUID().toString(), markerPayload));
            Eventually.holds(DELIVERY, "marker audited", () -> audited(marker) == 1);
        } finally {
            producer.shutdown();
        }
        Thread.sleep(2000);
        assertEquals(3, Db.count("SELECT COUNT(*) FROM exchange_wallet.accounts WHERE user_id = ?", trader.id()));
        assertEquals(1, Db.count("SELECT COUNT(*) FROM exchange_finance.audit_log WHERE event_id = ?", eventId));
        assertEquals(1, Db.count("SELECT COUNT(*) FROM exchange_wallet.processed_events WHERE event_id = ?", eventId));
    }

    private static Message message(String topic, String type, String key, String eventId, String payload) {
        Message m = new Message(topic, type, key, payload.getBytes(StandardCharsets.UTF_8));
        m.putUserProperty("eventId", eventId);
        m.putUserProperty("occurredAt", Instant.now().toString());
        return m;
    }

    private static long audited(String subject) {
        return Db.count("SELECT COUNT(*) FROM exchange_finance.audit_log WHERE subject = ?", subject);
    }

    private static void broker(String action) throws Exception {
        File root = new File(System.getProperty("exchange.root", "."));
        Process p = new ProcessBuilder("bash", new File(root, "exchange").getPath(), "broker", action)
                .directory(root).inheritIO().start();
        assertEquals(0, p.waitFor(), "./exchange broker " + action);
    }
}
