package exchange.wallet.ledger;

import exchange.api.engine.EngineResults;
import exchange.api.engine.EngineResults.Moved;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The matching engine owns the balances; this writes what its journal did into the ledger
 * (accounts, balance journal, and one BalancesChanged per batch), posted as the wallet posted it
 * before the engine took over. The watermark moves in the same transaction, so a redelivered entry
 * changes nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class ProjectBalances {
    /** This projection's name at the engine and in {@code engine_watermark}. */
    public static final String PROJECTION = "wallet";
    private static final Logger LOG = Logger.getLogger(ProjectBalances.class.getName());
    private static final List<Long> SYSTEM_ACCOUNTS = List.of(SystemAccounts.ADJUSTMENTS, SystemAccounts.FEES,
            SystemAccounts.DEPOSITS, SystemAccounts.WITHDRAWALS);

    @PersistenceContext(unitName = "wallet")
    private EntityManager em;
    @EJB
    private Ledger ledger;

    private record WithdrawalRow(String status, BigDecimal amount, BigDecimal fee) {
    }

    /**
     * Posts the entries (in journal order) past the watermark and moves it, in one transaction.
     * Returns the watermark, which the caller reports to the engine once this has committed.
     */
    public long apply(List<EngineResults> entries) {
        long start = lockWatermark();
        long reached = start;
        List<EngineStep> steps = new ArrayList<>();
        for (EngineResults entry : entries) {
            if (entry.nextSequence() <= reached) {
                continue; // applied before: a redelivery or a replay
            }
            steps.addAll(EngineStep.of(entry));
            reached = entry.nextSequence();
        }
        if (reached == start) {
            return reached;
        }
        // Every account the batch touches, in one statement rather than one per account. Before
        // the withdrawal rows: their locking read may hold a gap that blocks ApplyWithdrawal's
        // insert while it holds an account, so no account may be waited for after that read.
        Set<Long> users = new HashSet<>(SYSTEM_ACCOUNTS);
        steps.forEach(s -> s.moves().forEach(m -> users.add(account(m))));
        ledger.holdAccountsOf(users);
        Map<Long, WithdrawalRow> withdrawals = withdrawals(steps);
        for (EngineStep step : steps) {
            post(step, withdrawals);
        }
        ledger.writePosted(start, reached);
        em.createNativeQuery("UPDATE exchange_wallet.engine_watermark SET next_sequence = ?2, updated_at = NOW(6)"
                + " WHERE projection = ?1").setParameter(1, PROJECTION).setParameter(2, reached).executeUpdate();
        return reached;
    }

    private long lockWatermark() {
        List<?> rows = em.createNativeQuery("SELECT next_sequence FROM exchange_wallet.engine_watermark"
                + " WHERE projection = ?1 FOR UPDATE").setParameter(1, PROJECTION).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no engine_watermark row for projection " + PROJECTION);
        }
        return ((Number) rows.get(0)).longValue();
    }

    private void post(EngineStep step, Map<Long, WithdrawalRow> withdrawals) {
        List<Leg> legs = legs(step.moves());
        if (legs.isEmpty()) {
            return;
        }
        String ref = Long.toString(step.ref());
        WithdrawalRow w = withdrawals.get(step.ref());
        String type;
        String id = ref;
        switch (step.cause()) {
            case EngineStep.TRADE -> {
                type = "TRADE";
                id = step.symbol() + "-" + ref; // trade ids are per symbol
            }
            case "ORDER_HOLD" -> type = "ORDER_FREEZE";
            case "ORDER_RELEASE" -> {
                type = "ORDER_RELEASE";
                id = ref + "-" + step.sequence(); // an order may be released several times
            }
            case "DEPOSIT" -> {
                type = "DEPOSIT";
                legs = withCounterLegs(legs, SystemAccounts.DEPOSITS);
            }
            case "ADJUSTMENT" -> {
                type = "ADJUSTMENT";
                legs = withCounterLegs(legs, SystemAccounts.ADJUSTMENTS);
            }
            case "WITHDRAWAL_FREEZE" -> type = "WITHDRAW";
            case "WITHDRAWAL_RELEASE" -> type = releaseType(w);
            case "WITHDRAWAL_COMPLETE" -> {
                type = "WITHDRAW_COMPLETED";
                legs = completedLegs(step, legs, w);
            }
            // Stop here rather than skip money: a stuck queue is visible and safe.
            default -> throw new IllegalStateException("no posting for engine cause " + step.cause()
                    + " (sequence " + step.sequence() + ", ref " + ref + ")");
        }
        ledger.post(type, id, legs);
    }

    private static long account(Moved m) {
        return m.userId() == Moved.FEE_ACCOUNT ? SystemAccounts.FEES : m.userId();
    }

    private static List<Leg> legs(List<Moved> moves) {
        List<Leg> legs = new ArrayList<>(moves.size());
        for (Moved m : moves) {
            BigDecimal available = m.available() == null ? BigDecimal.ZERO : m.available();
            BigDecimal frozen = m.frozen() == null ? BigDecimal.ZERO : m.frozen();
            if (available.signum() != 0 || frozen.signum() != 0) {
                legs.add(new Leg(account(m), m.asset(), available, frozen));
            }
        }
        return legs;
    }

    /** Money that came from outside (a chain, an operator): the system account is the other side. */
    private static List<Leg> withCounterLegs(List<Leg> legs, long systemAccount) {
        List<Leg> all = new ArrayList<>(legs);
        legs.forEach(l -> all.add(new Leg(systemAccount, l.asset(), l.total().negate(), BigDecimal.ZERO)));
        return all;
    }

    /** The frozen amount leaves: the amount to the withdrawals account, the fee to fee income. */
    private static List<Leg> completedLegs(EngineStep step, List<Leg> legs, WithdrawalRow w) {
        String asset = legs.get(0).asset();
        BigDecimal out = legs.stream().map(Leg::total).reduce(BigDecimal.ZERO, BigDecimal::add).negate();
        BigDecimal fee = w == null ? BigDecimal.ZERO : w.fee().min(out);
        if (w == null || w.amount().add(w.fee()).compareTo(out) != 0) {
            LOG.severe("withdrawal " + step.ref() + ": the engine completed " + out.toPlainString() + " " + asset
                    + " but the withdrawal row says " + (w == null ? "nothing (no row)"
                    : w.amount().toPlainString() + " + fee " + w.fee().toPlainString()));
        }
        List<Leg> all = new ArrayList<>(legs);
        all.add(new Leg(SystemAccounts.WITHDRAWALS, asset, out.subtract(fee), BigDecimal.ZERO));
        all.add(new Leg(SystemAccounts.FEES, asset, fee, BigDecimal.ZERO));
        return all;
    }

    /** As the wallet's cancel and reject posted it; a release with neither (a compensation) is WITHDRAW_RELEASED. */
    private static String releaseType(WithdrawalRow w) {
        if (w != null && "CANCELED".equals(w.status())) {
            return "WITHDRAW_CANCELED";
        }
        if (w != null && "REJECTED".equals(w.status())) {
            return "WITHDRAW_REJECTED";
        }
        return "WITHDRAW_RELEASED";
    }

    /** The rows released and completed withdrawals are posted from, in (at most) two statements. */
    private Map<Long, WithdrawalRow> withdrawals(List<EngineStep> steps) {
        Set<Long> released = refs(steps, "WITHDRAWAL_RELEASE");
        Set<Long> completed = refs(steps, "WITHDRAWAL_COMPLETE");
        completed.removeAll(released);
        Map<Long, WithdrawalRow> rows = new HashMap<>();
        // A release's status is set in the transaction that asked the engine for it, which may not
        // have committed when the event gets here: a locking read waits for it and reads it committed.
        read(released, " FOR UPDATE", rows);
        read(completed, "", rows); // amount and fee never change
        return rows;
    }

    private static Set<Long> refs(List<EngineStep> steps, String cause) {
        return steps.stream().filter(s -> cause.equals(s.cause())).map(EngineStep::ref)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private void read(Collection<Long> ids, String lock, Map<Long, WithdrawalRow> into) {
        if (ids.isEmpty()) {
            return;
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        for (Object row : em.createNativeQuery("SELECT id, status, amount, fee FROM exchange_wallet.withdrawals"
                + " WHERE id IN (" + in + ")" + lock).getResultList()) {
            Object[] r = (Object[]) row;
            into.put(((Number) r[0]).longValue(), new WithdrawalRow((String) r[1], decimal(r[2]), decimal(r[3])));
        }
    }

    private static BigDecimal decimal(Object o) {
        return o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }
}
