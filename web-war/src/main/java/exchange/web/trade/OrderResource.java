package exchange.web.trade;

import exchange.web.validation.Length;
import exchange.web.validation.Given;
import exchange.web.validation.InRange;
import exchange.web.security.Caller;
import exchange.api.Page;
import exchange.api.error.BusinessException;
import exchange.api.error.ErrorCode;
import exchange.api.trade.OrderRequest;
import exchange.api.trade.OrderService;
import exchange.api.trade.OrderView;
import exchange.api.trade.TradeView;
import exchange.web.security.Roles;
import exchange.web.metrics.OrderMetrics;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;

/** Seed 3.3: the trader's orders. The user always comes from the token, never from the request. */
@Path("trade")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Roles("trader")
public class OrderResource {
    @Inject
    private OrderMetrics orderMetrics;
    @EJB
    private OrderService orders;
    @Inject
    private Caller caller;

    public record CreateOrder(@Given String symbol, @Given String side, @Given String type, String timeInForce,
                              BigDecimal price, BigDecimal quantity, BigDecimal quoteQuantity,
                              @Length(min = 1, max = 64) String clientOrderId, String selfTradePrevention) {
    }

    public record CancelRequest(@NotNull Long orderId) {
    }

    @POST
    @Path("order/create")
    @exchange.web.limits.OrderRate
    public Response create(@NotNull @Valid CreateOrder body) {
        OrderView view = orderMetrics.place(OrderMetrics.REST, () -> orders.place(new OrderRequest(userId(), body.symbol(),
                body.side(), body.type(), body.timeInForce(), body.price(), body.quantity(), body.quoteQuantity(),
                body.clientOrderId(), body.selfTradePrevention())));
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @POST
    @Path("order/cancel")
    public Response cancel(@NotNull @Valid CancelRequest body) {
        return Response.accepted(orders.cancel(userId(), body.orderId())).build();
    }

    @GET
    @Path("order/{orderId}")
    public OrderView order(@PathParam("orderId") long orderId) {
        return orders.order(userId(), orderId).orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "No such order."));
    }

    @GET
    @Path("orders/open")
    public List<OrderView> open(@QueryParam("symbol") String symbol) {
        return orders.openOrders(userId(), symbol);
    }

    @GET
    @Path("orders/history")
    public Page<OrderView> history(@QueryParam("symbol") String symbol,
                                   @QueryParam("page") @DefaultValue("0") @InRange(min = 0, max = Integer.MAX_VALUE) int page,
                                   @QueryParam("size") @DefaultValue("50") @InRange(min = 1, max = 500) int size) {
        return orders.history(userId(), symbol, page, size);
    }

    @GET
    @Path("trades")
    public Page<TradeView> trades(@QueryParam("symbol") String symbol,
                                  @QueryParam("page") @DefaultValue("0") @InRange(min = 0, max = Integer.MAX_VALUE) int page,
                                  @QueryParam("size") @DefaultValue("50") @InRange(min = 1, max = 500) int size) {
        return orders.trades(userId(), symbol, page, size);
    }

    /** The trading limits of the caller's KYC level per quote asset, and today's usage. */
    @GET
    @Path("limits")
    public List<OrderService.TradeLimit> limits() {
        return orders.limits(userId());
    }

    private long userId() {
        return caller.userId();
    }
}
