package exchange.it.cluster;

import exchange.it.support.Api;
import exchange.it.support.ChainRpc;
import exchange.it.support.Db;
import exchange.it.support.Users;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Ether moving in and out on the real dev chain during a chaos run: payments to traders' deposit
 * addresses (the deposit scanner, which runs where the engine leads, must credit each once) and
 * withdrawals to fresh addresses (the sender, likewise on the leader, must pay each once, whoever
 * leads when). Each withdrawal carries a request id, so one whose answer was lost can be found.
 * Afterwards: every payment credited once, every accepted withdrawal paid exactly its amount, and
 * the traders' ether conserved (deposited = held + withdrawn + fees).
 */
final class ChainActivity {
    record Deposit(String txHash, long userId, BigDecimal amount) {
    }

    record Withdrawal(String requestId, long userId, String address, BigDecimal amount, ChaosRun.Outcome outcome) {
    }

    /** What the chain's side of the run came to; {@link #problems()} is empty when every promise held. */
    record Result(int deposits, long depositsNotCreditedOnce, int withdrawalsAccepted, long withdrawalsLost,
                  long withdrawalsUnfinished, long withdrawalsPaidWrong, long withdrawalsDoubled, BigDecimal deposited,
                  BigDecimal held, BigDecimal withdrawn, Map<String, Long> refusals) {
        /** A run that moved no ether. */
        static Result none() {
            return new Result(0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Map.of());
        }

        List<String> problems() {
            List<String> out = new java.util.ArrayList<>();
            if (depositsNotCreditedOnce > 0) {
                out.add(depositsNotCreditedOnce + " ether payments to deposit addresses not credited exactly once");
            }
            if (withdrawalsLost > 0) {
                out.add(withdrawalsLost + " withdrawals answered as accepted that do not exist");
            }
            if (withdrawalsDoubled > 0) {
                out.add(withdrawalsDoubled + " withdrawal request ids applied more than once");
            }
            if (withdrawalsUnfinished > 0) {
                out.add(withdrawalsUnfinished + " accepted withdrawals not completed three minutes after the run");
            }
            if (withdrawalsPaidWrong > 0) {
                out.add(withdrawalsPaidWrong + " withdrawals whose address did not receive exactly their amount (paid twice, or not at all)");
            }
            if (deposited.compareTo(held.add(withdrawn)) != 0) {
                out.add("ETH not conserved: deposited " + deposited.toPlainString() + ", held " + held.toPlainString()
                        + " + withdrawn with fees " + withdrawn.toPlainString());
            }
            return out;
        }

        String text() {
            return String.format("chain (ETH): %d payments to deposit addresses, %d not credited once; %d withdrawals accepted,"
                    + " %d lost, %d doubled, %d unfinished, %d paid other than their amount; refused or unanswered: %s%n"
                    + "conservation ETH: deposited %s = held %s + withdrawn with fees %s: %s%n", deposits, depositsNotCreditedOnce,
                    withdrawalsAccepted, withdrawalsLost, withdrawalsDoubled, withdrawalsUnfinished, withdrawalsPaidWrong, refusals,
                    deposited.stripTrailingZeros().toPlainString(), held.stripTrailingZeros().toPlainString(),
                    withdrawn.stripTrailingZeros().toPlainString(),
                    deposited.compareTo(held.add(withdrawn)) == 0 ? "exact" : "DIFFERS");
        }
    }

    private static final BigDecimal WEI = BigDecimal.TEN.pow(18);

    private final List<Users.Trader> traders;
    private final Map<Long, String> addresses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Deposit> deposits = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Withdrawal> withdrawals = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> refusals = new ConcurrentHashMap<>();
    private final SecureRandom addressBytes = new SecureRandom();

    /** The first few of the run's traders move ether; each gets its deposit address now. */
    ChainActivity(List<Users.Trader> traders) {
        this.traders = traders.subList(0, Math.min(6, traders.size()));
        for (Users.Trader t : this.traders) {
            Api.Reply r = Api.post("/api/wallet/recharge/apply", "{\"asset\":\"ETH\"}", t.token());
            if (r.status() != 200) {
                throw new IllegalStateException("no ETH deposit address: " + r.body());
            }
            addresses.put(t.id(), r.json().getString("address"));
        }
    }

    /** One step: a payment to a deposit address or a withdrawal, then a block. */
    void step(Random random, String requestId) {
        Users.Trader t = traders.get(random.nextInt(traders.size()));
        try {
            if (random.nextInt(3) > 0) {
                BigDecimal amount = BigDecimal.valueOf(5 + random.nextInt(46), 2); // 0.05 to 0.5 ETH
                String tx = ChainRpc.ethereum("eth_sendTransaction", Json.createObjectBuilder()
                        .add("from", ChainRpc.ethereum("eth_accounts").asJsonArray().getString(1 + random.nextInt(3)))
                        .add("to", addresses.get(t.id())).add("value", "0x" + amount.multiply(WEI).toBigIntegerExact().toString(16))
                        .add("gas", "0x5208").build()).toString().replace("\"", "");
                deposits.add(new Deposit(tx, t.id(), amount));
            } else {
                BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(10), 2); // 0.01 to 0.1 ETH
                byte[] fresh = new byte[20];
                addressBytes.nextBytes(fresh);
                String to = "0x" + HexFormat.of().formatHex(fresh);
                String body = Json.createObjectBuilder().add("asset", "ETH").add("address", to).add("amount", amount)
                        .add("requestId", requestId).build().toString();
                Api.Reply r = Api.post("/api/wallet/withdraw/apply", body, t.token());
                ChaosRun.Outcome outcome = r.status() == 201 ? ChaosRun.Outcome.ACCEPTED
                        : r.status() / 100 == 4 ? ChaosRun.Outcome.REFUSED : ChaosRun.Outcome.UNKNOWN;
                withdrawals.add(new Withdrawal(requestId, t.id(), to, amount, outcome));
                if (outcome != ChaosRun.Outcome.ACCEPTED) {
                    String code = r.body().replaceAll("(?s).*\"code\":\"([A-Z_]+)\".*", "$1");
                    refusals.merge("withdraw " + r.status() + " " + (code.length() > 40 ? code.substring(0, 40) : code), 1L, Long::sum);
                }
            }
            ChainRpc.ethereum("evm_mine");
        } catch (RuntimeException e) {
            refusals.merge("chain step failed: " + e.getClass().getSimpleName(), 1L, Long::sum);
        }
    }

    /**
     * Mines until every payment is credited and every withdrawal that exists has completed (or three
     * minutes pass), then holds the database and the chain against what was sent and answered.
     */
    Result settle() {
        List<Deposit> sent = List.copyOf(deposits);
        List<Withdrawal> applied = List.copyOf(withdrawals);
        String ids = traders.stream().map(t -> Long.toString(t.id())).reduce((a, b) -> a + "," + b).orElse("0");
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            long uncredited = sent.stream().filter(d -> Db.count("SELECT COUNT(*) FROM exchange_wallet.deposits WHERE chain = 'ETH'"
                    + " AND tx_hash = ? AND status = 'CREDITED'", d.txHash()) == 0).count();
            long open = Db.count("SELECT COUNT(*) FROM exchange_wallet.withdrawals WHERE asset = 'ETH' AND user_id IN (" + ids + ")"
                    + " AND status NOT IN ('COMPLETED', 'REJECTED', 'FAILED')");
            if (uncredited == 0 && open == 0) {
                break;
            }
            ChainRpc.ethereum("evm_mine");
            ClusterControl.sleep(500);
        }
        long notCreditedOnce = sent.stream().filter(d -> Db.count("SELECT COUNT(*) FROM exchange_wallet.deposits WHERE chain = 'ETH'"
                + " AND tx_hash = ? AND status = 'CREDITED' AND user_id = ? AND amount = ?", d.txHash(), d.userId(), d.amount()) != 1
                || Db.count("SELECT COUNT(*) FROM exchange_wallet.balance_journal j JOIN exchange_wallet.deposits d"
                + " ON j.biz_type = 'DEPOSIT' AND j.biz_id = CAST(d.id AS CHAR) AND j.user_id = d.user_id"
                + " WHERE d.chain = 'ETH' AND d.tx_hash = ?", d.txHash()) != 1).count();
        long lost = 0;
        long unfinished = 0;
        long paidWrong = 0;
        long doubled = 0;
        int accepted = 0;
        for (Withdrawal w : applied) {
            long rows = Db.count("SELECT COUNT(*) FROM exchange_wallet.withdrawals WHERE user_id = ? AND request_id = ?",
                    w.userId(), w.requestId());
            doubled += rows > 1 ? 1 : 0;
            if (w.outcome() == ChaosRun.Outcome.ACCEPTED) {
                accepted++;
                lost += rows == 0 ? 1 : 0;
            }
            if (rows == 1) {
                boolean completed = Db.count("SELECT COUNT(*) FROM exchange_wallet.withdrawals WHERE user_id = ? AND request_id = ?"
                        + " AND status = 'COMPLETED'", w.userId(), w.requestId()) == 1;
                unfinished += completed ? 0 : 1;
                BigDecimal received = new BigDecimal(new BigInteger(ChainRpc.ethereum("eth_getBalance", w.address(), "latest")
                        .toString().replace("\"", "").substring(2), 16)).divide(WEI);
                paidWrong += completed && received.compareTo(w.amount()) != 0 || !completed && received.signum() != 0 ? 1 : 0;
            }
        }
        BigDecimal deposited = new BigDecimal(Db.string("SELECT COALESCE(SUM(amount), 0) FROM exchange_wallet.deposits"
                + " WHERE asset = 'ETH' AND status = 'CREDITED' AND user_id IN (" + ids + ")"));
        BigDecimal held = new BigDecimal(Db.string("SELECT COALESCE(SUM(available + frozen), 0) FROM exchange_wallet.accounts"
                + " WHERE asset = 'ETH' AND user_id IN (" + ids + ")"));
        BigDecimal withdrawn = new BigDecimal(Db.string("SELECT COALESCE(SUM(amount + fee), 0) FROM exchange_wallet.withdrawals"
                + " WHERE asset = 'ETH' AND status = 'COMPLETED' AND user_id IN (" + ids + ")"));
        return new Result(sent.size(), notCreditedOnce, accepted, lost, unfinished, paidWrong, doubled, deposited, held, withdrawn,
                new java.util.TreeMap<>(refusals));
    }
}
