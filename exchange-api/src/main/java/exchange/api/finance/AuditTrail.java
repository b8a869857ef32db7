package exchange.api.finance;

import exchange.api.Page;
import jakarta.ejb.Local;

@Local
public interface AuditTrail {
    Page<AuditEntryView> entries(int page, int size, String eventType, String subject);
}
