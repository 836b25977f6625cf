package org.gatewaybench.gateways.lab;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.Word;
import org.gatewaybench.core.route.Route;

/**
 * How a lab gateway treats one tenant's routes against another's: the behaviours the isolation
 * probe is calibrated on, each a driver option whose default is modelled on a real gateway
 * ({@link LabOptions}).
 *
 * @param conflicts   which of two routes claiming one host and path serves it
 * @param hosts       whether a tenant may add routes under a host another tenant has
 * @param validation  whether the route API refuses routes the data plane cannot carry or the policy
 *                    forbids (an admission webhook), or the controller renders whatever it gets
 * @param snippets    whether snippet annotations go into the rendered configuration
 * @param crossTenant whether a route may name another tenant's Service for its backend
 */
public record LabPolicy(ConflictPolicy conflicts, HostOwnership hosts, boolean validation, boolean snippets,
                        CrossTenantBackends crossTenant) {

    /** ingress-nginx's annotation whose value goes into the server block of the route's host. */
    public static final String SERVER_SNIPPET = "nginx.ingress.kubernetes.io/server-snippet";
    /** ingress-nginx's annotation whose value goes into the route's location. */
    public static final String CONFIGURATION_SNIPPET = "nginx.ingress.kubernetes.io/configuration-snippet";
    public static final List<String> SNIPPET_ANNOTATIONS = List.of(SERVER_SNIPPET, CONFIGURATION_SNIPPET);

    /** Which of two routes claiming the same host and path prefix serves it. */
    public enum ConflictPolicy implements Word {
        /** The route the controller saw first keeps it until it goes (ingress-nginx, the Gateway API). */
        OLDEST_WINS,
        /** A later claim takes it over (no real gateway we know; for calibration). */
        NEWEST_WINS
    }

    /** Whether hosts belong to tenants. */
    public enum HostOwnership implements Word {
        /** Any tenant may add routes under any host (ingress-nginx, the Gateway API without listener hostnames). */
        SHARED,
        /** A host, and the domain of a wildcard, belong to the tenant that claimed them first (OpenShift's router). */
        STRICT
    }

    /** Whether a route may name another tenant's Service. */
    public enum CrossTenantBackends implements Word {
        /** It may (ingress-nginx following an ExternalName Service). */
        FOLLOW,
        /** It may not (a Gateway API backendRef without a ReferenceGrant: RefNotPermitted). */
        REFUSE
    }

    /**
     * Why the policy forbids {@code route} beside {@code existing} (another tenant's host, another
     * tenant's Service), or null. Snippets are not judged here: the admission refuses them, the
     * controller drops them.
     */
    public String forbids(Route route, Collection<Route> existing) {
        if (route.crossTenant() && crossTenant == CrossTenantBackends.REFUSE) {
            return "its backend is a Service of tenant " + route.backendTenant() + ", which tenant "
                    + route.key().tenant() + " may not name (cross-tenant backends refused)";
        }
        if (hosts == HostOwnership.STRICT) {
            for (Route other : existing) {
                if (!other.key().tenant().equals(route.key().tenant()) && overlap(route.host(), other.host())) {
                    return "host " + route.host() + " is claimed by tenant " + other.key().tenant() + " through "
                            + other.host() + " (host ownership strict)";
                }
            }
        }
        return null;
    }

    /** The snippet annotations a route carries, by key. */
    static Map<String, String> snippetsOf(Route route) {
        return Map.copyOf(route.annotations().entrySet().stream().filter(e -> SNIPPET_ANNOTATIONS.contains(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /**
     * Whether two hosts claim the same name: equal, or one a wildcard whose domain the other is one
     * label under (the one-label rule of Ingress wildcards).
     */
    static boolean overlap(String a, String b) {
        // Without allocating: admission compares a write with every route there is.
        return a.equalsIgnoreCase(b) || covers(a, b) || covers(b, a);
    }

    private static boolean covers(String wildcard, String host) {
        if (!wildcard.startsWith("*.") || host.startsWith("*.")) {
            return false;
        }
        int dot = host.indexOf('.');
        int length = wildcard.length() - 2;
        return dot > 0 && host.length() - dot - 1 == length && host.regionMatches(true, dot + 1, wildcard, 2, length);
    }
}
