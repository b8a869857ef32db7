package exchange.api.finance;

import jakarta.ejb.Local;

/**
 * The exchange-wide read-only switch (operations): on, no new orders are taken and no withdrawal
 * is applied for or sent; cancels, deposits and reading go on. Kept in Redis so every node sees it
 * within a second.
 */
@Local
public interface ExchangeMode {
    boolean readOnly();

    /** Who switched it and why are recorded by the caller's audit. */
    void setReadOnly(boolean readOnly);
}
