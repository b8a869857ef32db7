package exchange.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * What every request of a web face passes first, before any authentication or access decision:
 * its client address decided once ({@link ClientAddress}), a canonical path ({@link CanonicalPath})
 * and a bounded body.
 *
 * <p>A body whose declared length is over the bound is refused before a byte of it is read; a
 * chunked body is read up to the bound and no further, so no request can make the server hold
 * more than the bound in memory, whoever sends it and whatever a later filter does.
 */
public abstract class RequestGate extends HttpFilter {
    /** The most body bytes this request may carry (may depend on its path or content type). */
    protected abstract long maxBodyBytes(HttpServletRequest request);

    /** Answers a refusal in the face's own error shape; {@code code} is an {@code ErrorCode} name. */
    protected abstract void refuse(HttpServletResponse response, int status, String code, String message) throws IOException;

    /** The request has passed the gate. */
    protected void admitted(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
    }

    private java.util.List<String> trustedProxies = java.util.List.of();

    @Override
    public void init() throws ServletException {
        trustedProxies = ClientAddress.list(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("exchange.rate-limit.trusted-proxies", String.class).orElse(""));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(ClientAddress.ATTRIBUTE,
                ClientAddress.resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies));
        if (!CanonicalPath.isCanonical(request.getRequestURI())) {
            refuse(response, 400, "PATH_NOT_CANONICAL", "The request path is not in canonical form.");
            return;
        }
        long max = maxBodyBytes(request);
        long declared = request.getContentLengthLong();
        if (declared > max) {
            tooLarge(response, max);
            return;
        }
        HttpServletRequest admitted = request;
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                tooLarge(response, max);
                return;
            }
            admitted = new BufferedBody(request, body);
        }
        admitted(admitted, response, chain);
    }

    private void tooLarge(HttpServletResponse response, long max) throws IOException {
        // The rest of the body is never read: the connection goes with the answer.
        response.setHeader("Connection", "close");
        refuse(response, 413, "BODY_TOO_LARGE", "The request body is larger than the " + max + " bytes this endpoint accepts.");
    }

    /** A chunked body already read (within the bound), served again to whoever reads it next. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
