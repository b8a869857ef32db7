package exchange.web.admin;

import exchange.api.trade.MarketAdministration;
import exchange.api.trade.SymbolSpec;
import exchange.api.trade.SymbolView;
import exchange.web.security.Roles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Operators list markets and halt or resume them. */
@Path("admin/markets")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Roles("admin")
@exchange.web.admin.audit.OperatorAction
@jakarta.transaction.Transactional
public class AdminMarketResource {
    @EJB
    private MarketAdministration markets;

    @POST
    public Response list(@NotNull SymbolSpec spec) {
        return Response.status(Response.Status.CREATED).entity(markets.list(spec)).build();
    }

    @POST
    @Path("{symbol}/halt")
    public SymbolView halt(@PathParam("symbol") String symbol) {
        return markets.halt(symbol);
    }

    @POST
    @Path("{symbol}/resume")
    public SymbolView resume(@PathParam("symbol") String symbol) {
        return markets.resume(symbol);
    }

    public record Adjustment(java.math.BigDecimal minNotional, java.math.BigDecimal makerFee, java.math.BigDecimal takerFee) {
    }

    /** Fees and minimum notional; tick and step are fixed for a market's life. */
    @jakarta.ws.rs.PUT
    @Path("{symbol}")
    public SymbolView adjust(@PathParam("symbol") String symbol, Adjustment body) {
        return markets.adjust(symbol, body == null ? null : body.minNotional(), body == null ? null : body.makerFee(),
                body == null ? null : body.takerFee());
    }
}
