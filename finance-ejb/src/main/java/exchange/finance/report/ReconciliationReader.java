package exchange.finance.report;

import exchange.api.wallet.WalletTotals;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The assets to reconcile, one item each; the checkpoint is how many were written. */
@Named
@Dependent
public class ReconciliationReader extends AbstractItemReader {
    @EJB
    private WalletTotals wallet;
    private List<String> assets;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        assets = wallet.totals().stream().map(WalletTotals.AssetTotals::asset).toList();
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        return next < assets.size() ? assets.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
