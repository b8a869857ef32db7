package exchange.web.admin;

import exchange.api.finance.ExchangeMode;
import exchange.api.finance.MessageOperations;
import exchange.api.finance.OperatorAudit;
import exchange.web.security.Caller;
import exchange.web.validation.InRange;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Operations: consumer backlog, outboxes, dead letters and their replay, the exchange-wide read-only switch. Actions are audited. */
@Path("admin/operations")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Roles("admin")
@exchange.web.admin.audit.OperatorAction
@jakarta.transaction.Transactional
public class AdminOperationsResource {
    @EJB
    private MessageOperations messages;
    @EJB
    private ExchangeMode mode;
    @EJB
    private OperatorAudit audit;
    @Inject
    private Caller caller;
    @Inject
    @jakarta.enterprise.inject.Any
    private jakarta.enterprise.inject.Instance<exchange.api.messaging.OutboxHealth> outboxes;

    public record ReadOnly(boolean readOnly) {
    }

    @GET
    @Path("backlog")
    public List<MessageOperations.Backlog> backlog() {
        return messages.backlog();
    }

    /** Each service's outbox: events waiting to be sent, and the oldest one's time. */
    @GET
    @Path("outboxes")
    public List<exchange.api.messaging.OutboxHealth.Health> outboxes() {
        return outboxes.stream().map(exchange.api.messaging.OutboxHealth::health)
                .sorted(java.util.Comparator.comparing(exchange.api.messaging.OutboxHealth.Health::producerGroup)).toList();
    }

    @GET
    @Path("dead-letters")
    public List<MessageOperations.DeadLetter> deadLetters(@QueryParam("group") String group,
                                                         @QueryParam("limit") @DefaultValue("100") @InRange(min = 1, max = 1000) int limit) {
        return messages.deadLetters(group, limit);
    }

    @POST
    @Path("dead-letters/{group}/{messageId}/replay")
    @Transactional
    @exchange.web.admin.audit.OperatorAction.RecordsItsOwn
    public MessageOperations.DeadLetter replay(@PathParam("group") String group, @PathParam("messageId") String messageId) {
        MessageOperations.DeadLetter replayed = messages.replay(group, messageId, caller.name());
        audit.record(caller.name(), "dead-letter.replay", "dead-letter:" + messageId, "PARKED", "REPLAYED to " + replayed.originTopic());
        return replayed;
    }

    @GET
    @Path("read-only")
    public Map<String, Boolean> readOnly() {
        return Map.of("readOnly", mode.readOnly());
    }

    @PUT
    @Path("read-only")
    @Transactional
    @exchange.web.admin.audit.OperatorAction.RecordsItsOwn
    public Map<String, Boolean> setReadOnly(ReadOnly body) {
        boolean before = mode.readOnly();
        boolean after = body != null && body.readOnly();
        mode.setReadOnly(after);
        audit.record(caller.name(), "exchange.read-only", "exchange", Boolean.toString(before), Boolean.toString(after));
        return Map.of("readOnly", after);
    }
}
