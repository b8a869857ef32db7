package exchange.admin.users;

import exchange.admin.ConsoleActions;
import exchange.admin.security.OperatorSession;
import exchange.api.trade.OrderService;
import exchange.api.trade.OrderView;
import exchange.api.user.UserDirectory;
import exchange.api.user.UserSessions;
import exchange.api.user.UserStatus;
import exchange.api.user.UserView;
import exchange.api.wallet.AccountView;
import exchange.api.wallet.Deposits;
import exchange.api.wallet.WalletAccounts;
import exchange.api.wallet.WalletFreeze;
import exchange.api.wallet.Withdrawals;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** One user: balances, orders, deposits, withdrawals and sign-ins; freeze or unfreeze the user or the wallet. */
@Named
@ViewScoped
public class UserDetailPage implements Serializable {
    @EJB
    private UserDirectory directory;
    @EJB
    private UserStatus status;
    @EJB
    private UserSessions sessions;
    @EJB
    private WalletAccounts accounts;
    @EJB
    private WalletFreeze wallets;
    @EJB
    private Deposits deposits;
    @EJB
    private Withdrawals withdrawals;
    @EJB
    private OrderService orders;
    @Inject
    private ConsoleActions actions;
    @Inject
    private OperatorSession session;
    private long id;
    private String reason;

    public UserView getUser() {
        return directory.user(id).orElse(null);
    }

    public boolean isWalletFrozen() {
        return wallets.frozen(id);
    }

    public List<AccountView> getAccounts() {
        return accounts.accountsOf(id);
    }

    public List<OrderView> getOrders() {
        return orders.history(id, null, 0, 20).items();
    }

    public List<Deposits.DepositView> getDeposits() {
        return deposits.history(id, null, 20);
    }

    public List<Withdrawals.WithdrawalView> getWithdrawals() {
        return withdrawals.history(id, null, 20);
    }

    public List<UserSessions.LoginView> getLogins() {
        return sessions.logins(id, 20);
    }

    public void freeze() {
        actions.run("support", "user.freeze", "user:" + id, getUser().status(), () -> status.freeze(id, session.getEmail(), reason).status());
    }

    public void unfreeze() {
        actions.run("support", "user.unfreeze", "user:" + id, getUser().status(), () -> status.unfreeze(id, session.getEmail(), reason).status());
    }

    public void freezeWallet() {
        actions.run("support", "wallet.freeze", "wallet:" + id, isWalletFrozen() ? "FROZEN" : "OPEN", () -> {
            wallets.freeze(id, session.getEmail(), reason);
            return "FROZEN";
        });
    }

    public void unfreezeWallet() {
        actions.run("support", "wallet.unfreeze", "wallet:" + id, isWalletFrozen() ? "FROZEN" : "OPEN", () -> {
            wallets.unfreeze(id, session.getEmail());
            return "OPEN";
        });
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
