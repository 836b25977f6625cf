package org.gatewaybench.gateways.lab;

import java.util.Collection;
import java.util.regex.Pattern;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.fixtures.embedded.EmbeddedRouteStore;

/**
 * The lab's validating admission: with route validation on, the route API refuses what the data
 * plane cannot carry (a host or path with characters outside the plain forms) and what the policy
 * forbids (snippets when not allowed, another tenant's host or Service), as ingress-nginx's admission
 * webhook does (strict path validation and snippet denial in CheckIngress at controller-v1.15.1).
 */
final class LabAdmission implements EmbeddedRouteStore.Admission {

    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");

    private final LabPolicy policy;

    LabAdmission(LabPolicy policy) {
        this.policy = policy;
    }

    /** The store's admission for {@code policy}: this one, or none when validation is off. */
    static EmbeddedRouteStore.Admission of(LabPolicy policy) {
        return policy.validation() ? new LabAdmission(policy) : EmbeddedRouteStore.Admission.NONE;
    }

    @Override
    public String refusal(Route route, Collection<Route> existing) {
        String host = route.host().toLowerCase(java.util.Locale.ROOT);
        if (host.length() > RouteTable.MAX_HOST_LENGTH || !HOST.matcher(host).matches()) {
            return "host '" + route.host() + "' is not a plain DNS name (letters, digits, '-', '.', an optional "
                    + "leading '*.', at most " + RouteTable.MAX_HOST_LENGTH + " characters)";
        }
        if (!PATH.matcher(route.pathPrefix()).matches()) {
            return "path prefix '" + route.pathPrefix() + "' has characters other than letters, digits and -._~/";
        }
        if (!policy.snippets()) {
            var snippet = LabPolicy.snippetsOf(route).keySet().stream().sorted().findFirst();
            if (snippet.isPresent()) {
                return snippet.get() + " annotation cannot be used. Snippet directives are disabled";
            }
        }
        return policy.forbids(route, existing.stream().filter(r -> !r.key().equals(route.key())).toList());
    }
}
