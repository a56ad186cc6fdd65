package io.happyos.registry.web.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * In front of every path registry-web serves: the security headers on every answer, and the
 * checks before anything runs.
 *
 * <ul>
 *   <li>A request from another origin (its {@code Origin} header names another scheme, host or
 *       port, or {@code Sec-Fetch-Site} says cross-site) is refused: no CORS, no CSRF surface.
 *   <li>A token in the query string is refused, so that none ends up in a log or a history.
 *   <li>Every change (any method but GET and HEAD) needs {@code Authorization: Bearer TOKEN}:
 *       401 without, 403 with a wrong one. Reading is open from loopback and needs the token from
 *       anywhere else.
 *   <li>A body larger than the limit is refused by its declared length before it is read.
 * </ul>
 */
final class WebGuard implements Filter {

    /** The request attribute holding the actor a change is audited under: {@code http:ADDRESS}. */
    static final String ACTOR = "happyos.actor";

    /**
     * The request attribute telling whether the client may read the registry's data: it is on
     * loopback or sent the right token ({@code Boolean}).
     */
    static final String TRUSTED = "happyos.trusted";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final Set<String> TOKEN_NAMES =
            Set.of("token", "access_token", "bearer", "auth", "authorization", "api_key", "apikey", "key");
    private static final String BEARER = "bearer ";

    private final Supplier<AccessToken> token;
    private final long maxUpload;

    /**
     * A guard.
     *
     * @param token the current token
     * @param maxUpload the largest upload body, in bytes
     */
    WebGuard(Supplier<AccessToken> token, long maxUpload) {
        this.token = token;
        this.maxUpload = maxUpload;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        addHeaders(response);
        try {
            check(request);
        } catch (HttpProblem problem) {
            Responses.problem(response, problem);
            return;
        }
        request.setAttribute(ACTOR, "http:" + request.getRemoteAddr());
        chain.doFilter(request, response);
    }

    static void addHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
    }

    private void check(HttpServletRequest request) {
        checkOrigin(request);
        checkQuery(request);
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        boolean reading = method.equals("GET") || method.equals("HEAD");
        if (method.equals("OPTIONS")) {
            throw new HttpProblem(
                    HttpProblem.METHOD_NOT_ALLOWED,
                    "OPTIONS is not served: the API takes no "
                            + "cross-origin requests (use it from this origin, or from a program without a browser)");
        }
        boolean loopback = isLoopback(request.getRemoteAddr());
        if (!reading || !(loopback || isPage(request) || isHealth(request))) {
            checkToken(request, reading);
            request.setAttribute(TRUSTED, Boolean.TRUE);
        } else {
            request.setAttribute(TRUSTED, loopback || hasToken(request));
        }
        checkLength(request);
    }

    /**
     * Whether a request reads the console page itself ({@code /}, {@code /console/...}): files of the
     * bundle that hold no data, which a browser must be able to load before it has the token (a
     * navigation sends no bearer header); the page then sends the token with every API call.
     */
    static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/console/");
    }

    /**
     * Whether a request reads {@code /health}: a load balancer's or Kubernetes' probe must get its
     * status code from anywhere; without the token a remote client gets no reasons (component ids).
     */
    static boolean isHealth(HttpServletRequest request) {
        return request.getRequestURI()
                .substring(request.getContextPath().length())
                .equals("/health");
    }

    private boolean hasToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        AccessToken current = token.get();
        return header != null
                && current != null
                && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && current.matches(header.substring(BEARER.length()).strip());
    }

    private static void checkOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && fetchSite.equalsIgnoreCase("cross-site")) {
            throw new HttpProblem(HttpProblem.FORBIDDEN, "cross-site requests are refused");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return;
        }
        String own = request.getScheme() + "://" + request.getHeader("Host");
        if (!sameOrigin(origin, own)) {
            throw new HttpProblem(
                    HttpProblem.FORBIDDEN,
                    "requests from another origin (" + origin + ") are refused: the API takes no "
                            + "cross-origin requests");
        }
    }

    static boolean sameOrigin(String origin, String own) {
        try {
            URI a = new URI(origin.strip());
            URI b = new URI(own);
            return a.getScheme() != null
                    && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost() != null
                    && a.getHost().equalsIgnoreCase(b.getHost())
                    && port(a) == port(b);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private void checkQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return;
        }
        AccessToken current = token.get();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (TOKEN_NAMES.contains(name.toLowerCase(Locale.ROOT)) || (current != null && current.matches(value))) {
                throw new HttpProblem(
                        HttpProblem.BAD_REQUEST,
                        "a token in the URL is refused (URLs end up in logs and histories): send it as the "
                                + "header Authorization: Bearer TOKEN, and make a new token (delete the token "
                                + "file and restart) if this one was shared");
            }
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private void checkToken(HttpServletRequest request, boolean reading) {
        String header = request.getHeader("Authorization");
        String what = reading ? "reading from another host" : "a change";
        if (header == null || header.isBlank()) {
            throw new HttpProblem(
                    HttpProblem.UNAUTHORIZED,
                    what + " needs the header Authorization: Bearer TOKEN (the token is in the file the "
                            + "container named at start, by default STORAGE/http.token)");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new HttpProblem(
                    HttpProblem.UNAUTHORIZED, "only bearer tokens are accepted: send Authorization: Bearer TOKEN");
        }
        AccessToken current = token.get();
        if (current == null
                || !current.matches(header.substring(BEARER.length()).strip())) {
            throw new HttpProblem(
                    HttpProblem.FORBIDDEN,
                    "the bearer token is wrong: use the one in "
                            + (current == null ? "the token file" : current.file()));
        }
    }

    private void checkLength(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        boolean upload = "PUT".equalsIgnoreCase(request.getMethod());
        long limit = upload ? maxUpload : Responses.MAX_BODY;
        if (length > limit) {
            throw new HttpProblem(
                    HttpProblem.TOO_LARGE,
                    "the request body (" + length + " bytes) is larger than the limit of " + limit + " bytes"
                            + (upload ? " (happyos.http.upload.max)" : ""));
        }
    }

    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!literal.matches("[0-9a-fA-F:.%a-zA-Z]+") || literal.chars().noneMatch(c -> c == '.' || c == ':')) {
            return false;
        }
        try {
            // an IP literal: no name lookup
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
