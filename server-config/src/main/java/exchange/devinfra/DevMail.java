package exchange.devinfra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A real SMTP server for development and tests (GreenMail) and its inbox over HTTP:
 * {@code GET /mailbox?to=a@b.c} lists the messages to that address as JSON (all without "to"),
 * {@code DELETE /mailbox} empties it. The same HTTP server hosts the text-message sink ({@link DevSms}).
 */
final class DevMail {
    private final GreenMail smtp;
    private final HttpServer http;

    private DevMail(GreenMail smtp, HttpServer http) {
        this.smtp = smtp;
        this.http = http;
    }

    static DevMail start(int smtpPort, int httpPort) throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 16);
        DevMail mail = new DevMail(smtp, http);
        http.createContext("/mailbox", mail::handle);
        DevSms.attach(http);
        DevAlerts.attach(http);
        http.start();
        return mail;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if ("DELETE".equals(ex.getRequestMethod())) {
                try {
                    smtp.purgeEmailFromAllMailboxes();
                } catch (com.icegreen.greenmail.store.FolderException e) {
                    throw new IOException(e);
                }
                respond(ex, 204, "");
                return;
            }
            String to = queryParam(ex, "to");
            List<String> items = new ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (to == null || addressedTo(m, to)) {
                    items.add(json(m));
                }
            }
            respond(ex, 200, "[" + String.join(",", items) + "]");
        } catch (MessagingException e) {
            respond(ex, 500, "{\"error\":" + quote(e.toString()) + "}");
        }
    }

    private static boolean addressedTo(MimeMessage m, String to) throws MessagingException {
        Address[] recipients = m.getAllRecipients();
        if (recipients == null) {
            return false;
        }
        for (Address a : recipients) {
            if (a.toString().toLowerCase(Locale.ROOT).contains(to.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static String json(MimeMessage m) throws MessagingException {
        return "{\"to\":" + quote(String.valueOf(m.getAllRecipients()[0]))
                + ",\"from\":" + quote(String.valueOf(m.getFrom()[0]))
                + ",\"subject\":" + quote(m.getSubject())
                + ",\"body\":" + quote(GreenMailUtil.getBody(m))
                + ",\"receivedAt\":" + quote(String.valueOf(m.getReceivedDate() == null ? "" : m.getReceivedDate().toInstant()))
                + "}";
    }

    static String queryParam(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    void stop() {
        http.stop(0);
        smtp.stop();
    }
}
