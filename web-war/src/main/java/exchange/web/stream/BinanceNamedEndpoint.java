package exchange.web.stream;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;

/**
 * Binance's {@code /ws/<streamName>} (raw payloads) and {@code /ws/<listenKey>} (the user data
 * stream: execution reports and account positions). Our own {@code /ws/market} matches first.
 */
@ServerEndpoint("/ws/{name}")
public class BinanceNamedEndpoint {
    @OnOpen
    public void open(Session session, @PathParam("name") String name) {
        BinanceSocket.open(session, List.of(name), false);
    }

    @OnMessage
    public void message(Session session, String text) {
        BinanceSocket.message(session, text);
    }

    /** The client answered a ping: it is alive (see {@link StreamHub#addBinance}). */
    @OnMessage
    public void pong(Session session, PongMessage pong) {
        StreamHub.heard(session);
    }

    @OnClose
    public void close(Session session) {
        BinanceSocket.close(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        BinanceSocket.close(session);
    }
}
