package exchange.web.stream;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/**
 * A user's private stream: their orders' events (created, partially filled, filled, cancelled)
 * and balance changes, as {@code {"stream":"user","event":...,"data":...}}. Opened with a listen
 * key from {@code POST /api/user/stream}; an unknown or expired key closes the socket (4401).
 */
@ServerEndpoint("/ws/user/{listenKey}")
public class UserStreamEndpoint {
    private static final CloseReason.CloseCode UNAUTHORIZED = CloseReason.CloseCodes.getCloseCode(4401);

    @OnOpen
    public void open(Session session, @PathParam("listenKey") String listenKey) throws IOException {
        Long userId = CDI.current().select(ListenKeys.class).get().owner(listenKey);
        if (userId == null) {
            session.close(new CloseReason(UNAUTHORIZED, "UNKNOWN_LISTEN_KEY"));
            return;
        }
        CDI.current().select(StreamHub.class).get().addUser(session, userId, listenKey);
    }

    @OnClose
    public void close(Session session) {
        CDI.current().select(StreamHub.class).get().forget(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        CDI.current().select(StreamHub.class).get().forget(session);
    }
}
