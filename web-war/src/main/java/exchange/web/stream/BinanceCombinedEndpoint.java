package exchange.web.stream;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;

/** Binance's combined streams, {@code /stream?streams=a/b}: each payload wrapped as {stream, data}. */
@ServerEndpoint("/stream")
public class BinanceCombinedEndpoint {
    @OnOpen
    public void open(Session session) {
        List<String> streams = session.getRequestParameterMap().getOrDefault("streams", List.of());
        BinanceSocket.open(session, BinanceSocket.split(streams), true);
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
