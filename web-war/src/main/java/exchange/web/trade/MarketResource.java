package exchange.web.trade;

import exchange.api.trade.MarketDirectory;
import exchange.api.trade.SymbolView;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("trade")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MarketResource {
    @EJB
    private MarketDirectory markets;

    @GET
    @Path("symbols")
    @PermitAll
    public List<SymbolView> symbols() {
        return markets.symbols();
    }
}
