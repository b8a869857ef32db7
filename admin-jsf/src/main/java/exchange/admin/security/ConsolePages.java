package exchange.admin.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Which roles open which page (admin opens all): support looks after users, finance after money, auditors read. */
public final class ConsolePages {
    private static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("/users.xhtml", "support,auditor");
        ROLES.put("/user.xhtml", "support,auditor");
        ROLES.put("/kyc.xhtml", "support");
        ROLES.put("/withdrawals.xhtml", "finance");
        ROLES.put("/reports.xhtml", "finance,auditor");
        ROLES.put("/finance.xhtml", "finance,auditor");
        ROLES.put("/risk.xhtml", "finance,auditor");
        ROLES.put("/markets.xhtml", "admin");
        ROLES.put("/operations.xhtml", "admin");
        ROLES.put("/operators.xhtml", "admin");
        ROLES.put("/audit.xhtml", "auditor");
    }

    private ConsolePages() {
    }

    /** Faces' own scripts and styles (and PrimeFaces'), served through the Faces servlet: open to the sign-in page. */
    private static final Pattern RESOURCE =
            Pattern.compile("/jakarta\\.faces\\.resource/[A-Za-z0-9_./-]+\\.(js|css|png|gif|svg|woff2?|ttf|eot)\\.xhtml");
    private static final Pattern LIBRARY = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    static boolean isFacesResource(String path) {
        return RESOURCE.matcher(path).matches();
    }

    /** A resource library name is one word or dotted words: never a path. */
    static boolean isLibraryName(String library) {
        return library == null || LIBRARY.matcher(library).matches();
    }

    static boolean allows(OperatorSession session, String path) {
        String p = path.isEmpty() || path.equals("/") ? "/users.xhtml" : path;
        String roles = ROLES.get(p);
        return roles != null && session.hasAnyRole(roles);
    }

    /** The first page the operator may open. */
    public static String home(OperatorSession session) {
        return ROLES.entrySet().stream().filter(e -> session.hasAnyRole(e.getValue())).map(Map.Entry::getKey)
                .findFirst().orElse("/login.xhtml");
    }
}
