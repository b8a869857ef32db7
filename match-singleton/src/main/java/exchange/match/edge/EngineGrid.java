package exchange.match.edge;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * What the engine host shares with the other instances through Payara's Hazelcast data grid: who
 * leads the engine, and how far the projections have got (a projection consumes on whichever
 * instance the broker gave its queue to, while readers wait for it on another).
 *
 * <p>Leadership is a lock on an {@code IMap} key, held by the engine's thread. Hazelcast frees a
 * member's locks when it leaves the grid (a kill -9 included), so a standby takes over within its
 * failure detection. Two leaders at once (a partition) cost no money: the journal's compare-append
 * and the epochs keep every answer equal to what a replay applies (see {@code Sequencer}).
 * Without a grid (no Hazelcast) the engine leads alone.
 */
final class EngineGrid {
    private static final Logger LOG = Logger.getLogger(EngineGrid.class.getName());
    private static final String MAP = "exchange-engine";
    private static final String LEADER = "leader";
    private static final String LEADER_MEMBER = "leader-member";
    private static final String WATERMARKS = "exchange-engine-watermarks";
    /** The grid executor that carries engine calls from the other members to the leader's. */
    private static final String CALLS = "exchange-engine-calls";

    private final HazelcastInstance hz;
    private volatile UUID listener;
    private volatile boolean leading;

    private EngineGrid(HazelcastInstance hz) {
        this.hz = hz;
    }

    /** Payara's grid by its JNDI name; watermarks published by other members go to {@code projectedElsewhere}. */
    static EngineGrid join(BiConsumer<String, Long> projectedElsewhere) {
        HazelcastInstance hz;
        try {
            hz = (HazelcastInstance) new InitialContext().lookup("payara/Hazelcast");
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.info("No data grid (" + e + "): this engine leads alone");
            return new EngineGrid(null);
        }
        EngineGrid grid = new EngineGrid(hz);
        try {
            // Forwarded calls include reads that wait for the projections (up to seconds): more
            // threads than Hazelcast's 16, the same on every member (a dynamic config must agree).
            hz.getConfig().addExecutorConfig(new com.hazelcast.config.ExecutorConfig(CALLS, 64));
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "engine call executor left at the grid's defaults", e);
        }
        ITopic<String> topic = hz.getTopic(WATERMARKS);
        grid.listener = topic.addMessageListener(m -> {
            if (m.getPublishingMember() != null && !m.getPublishingMember().localMember()) {
                String[] kv = m.getMessageObject().split("=", 2);
                try {
                    projectedElsewhere.accept(kv[0], Long.parseLong(kv[1]));
                } catch (RuntimeException bad) {
                    LOG.fine("ignored watermark message " + m.getMessageObject());
                }
            }
        });
        return grid;
    }

    /**
     * Takes the lead if nobody holds it; call from the engine's thread, which then owns the lock.
     * A lock still held for this member by an earlier deployment of the application (undeployed
     * without letting go) is taken over: one member runs one engine.
     */
    boolean tryLead() {
        if (hz == null) {
            leading = true;
            return true;
        }
        IMap<String, String> map = hz.getMap(MAP);
        String me = hz.getCluster().getLocalMember().getUuid().toString();
        if (!map.tryLock(LEADER)) {
            if (!me.equals(map.get(LEADER_MEMBER))) {
                return false;
            }
            LOG.warning("The engine lock is held for this member by an earlier deployment; taking it over");
            map.forceUnlock(LEADER);
            if (!map.tryLock(LEADER)) {
                return false;
            }
        }
        map.put(LEADER_MEMBER, me);
        leading = true;
        return true;
    }

    boolean leading() {
        return leading;
    }

    /** Lets the lead go (the application stops): another instance may take over at once. */
    void resign() {
        if (hz == null) {
            return;
        }
        try {
            if (listener != null) {
                hz.getTopic(WATERMARKS).removeMessageListener(listener);
            }
            if (leading) {
                IMap<String, String> map = hz.getMap(MAP);
                map.remove(LEADER_MEMBER);
                map.forceUnlock(LEADER);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "engine lock not released (the grid is going down too)", e);
        } finally {
            leading = false;
        }
    }

    /** Another live member of the grid holds the lead: calls made here can be forwarded to it. */
    boolean anotherMemberLeads() {
        if (hz == null) {
            return false;
        }
        String leader = hz.<String, String>getMap(MAP).get(LEADER_MEMBER);
        return leader != null && hz.getCluster().getMembers().stream()
                .anyMatch(m -> !m.localMember() && m.getUuid().toString().equals(leader));
    }

    /** What {@link #forward} answers when no other member leads: the caller goes on locally. */
    static final Object NOT_FORWARDED = new Object();

    /**
     * Makes the call on the member whose engine leads, within {@code timeoutMillis}; its answer or
     * its exception as if made here. {@link #NOT_FORWARDED} when no other member leads (no grid,
     * nobody leads yet, or this member does).
     */
    Object forward(ForwardedCall call, long timeoutMillis) throws Exception {
        if (hz == null) {
            return NOT_FORWARDED;
        }
        String leader = hz.<String, String>getMap(MAP).get(LEADER_MEMBER);
        com.hazelcast.cluster.Member member = leader == null ? null : hz.getCluster().getMembers().stream()
                .filter(m -> m.getUuid().toString().equals(leader)).findFirst().orElse(null);
        if (member == null || member.localMember()) {
            return NOT_FORWARDED;
        }
        java.util.concurrent.Future<Object> answer = hz.getExecutorService(CALLS).submitToMember(call, member);
        try {
            return answer.get(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof exchange.api.error.BusinessException b) {
                throw b;
            }
            // The leader died on the way, or its grid thread failed: the outcome is unknown, as on a timeout.
            LOG.log(Level.INFO, "engine call " + call.method() + " forwarded to " + member + " failed", e.getCause());
            throw new exchange.api.error.BusinessException(exchange.api.error.ErrorCode.ENGINE_UNAVAILABLE);
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(false);
            throw new exchange.api.error.BusinessException(exchange.api.error.ErrorCode.ENGINE_UNAVAILABLE);
        }
    }

    /** A projection's progress, for the readers on the other instances. */
    void projected(String projection, long nextSequence) {
        if (hz != null && hz.getCluster().getMembers().size() > 1) {
            hz.<String>getTopic(WATERMARKS).publish(projection + "=" + nextSequence);
        }
    }
}
