package exchange.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand on a socket: the request line goes out byte for byte as given, with
 * no client normalizing {@code ..}, {@code %2e} or {@code \} on the way (every HTTP client does).
 */
public final class RawHttp {
    private RawHttp() {
    }

    public record Answer(int status, String head, String body) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    public static Answer get(String rawPath, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("GET " + rawPath + " HTTP/1.1\r\n");
        URI base = URI.create(Api.BASE);
        request.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        for (String h : headers) {
            request.append(h).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            return read(socket.getInputStream());
        }
    }

    /**
     * Reads one answer: its head, then a body of its Content-Length, or chunks up to the last one,
     * or (neither given) to the end of the connection. Does not wait for the server to close: one
     * that answers early may still be draining what the client sends.
     */
    public static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int headEnd = -1;
        for (int b; (b = in.read()) >= 0; ) {
            all.write(b);
            if (all.size() >= 4 && all.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                headEnd = all.size();
                break;
            }
        }
        String head = all.toString(StandardCharsets.ISO_8859_1).trim();
        String[] statusLine = head.split("\r\n", 2)[0].split(" ");
        Answer bare = new Answer(statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1, head, "");
        if (headEnd < 0) {
            return bare;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = bare.header("Content-Length");
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
        } else if ("chunked".equalsIgnoreCase(bare.header("Transfer-Encoding"))) {
            for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0; ) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            body.write(in.readNBytes(4 << 20));
        }
        return new Answer(bare.status(), head, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** Writes the head, then keeps writing body bytes until the server answers or the body is sent. */
    public static Answer send(String head, long bodyBytes) throws IOException {
        URI base = URI.create(Api.BASE);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'a');
                try {
                    for (long sent = 0; sent < bodyBytes; sent += chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, bodyBytes - sent));
                    }
                    out.flush();
                } catch (IOException closedByServer) {
                    // the server answered and closed: what the test wants
                }
            });
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream());
        }
    }
}
