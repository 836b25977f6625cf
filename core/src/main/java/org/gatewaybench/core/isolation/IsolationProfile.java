package org.gatewaybench.core.isolation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a gateway driver declares for the isolation probe: how each check applies to its gateway,
 * and the gateway's own words the checks write in.
 *
 * @param checks                  the support of each check; a check not listed cannot run
 * @param serverSnippetAnnotation the annotation whose value the gateway puts into the server of the
 *                                route's host (ingress-nginx's server-snippet), or null when it has none
 * @param poisonPath              a path prefix the API accepts but the data plane's configuration
 *                                cannot carry, which config-poisoning writes
 */
public record IsolationProfile(Map<IsolationCheck, CheckSupport> checks, String serverSnippetAnnotation,
                               String poisonPath) {

    /** A path with a ';': it ends an nginx directive and separates HAProxy runtime API commands. */
    public static final String DEFAULT_POISON_PATH = "/gateway-bench-poison;";

    public IsolationProfile {
        checks = checks.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(checks));
        Objects.requireNonNull(poisonPath, "poisonPath");
        if (!poisonPath.startsWith("/")) {
            throw new IllegalArgumentException("poison path must start with '/': " + poisonPath);
        }
    }

    /** A driver that declares nothing: no check can run on it. */
    public static IsolationProfile none() {
        return new IsolationProfile(Map.of(), null, DEFAULT_POISON_PATH);
    }

    /** The support of {@code check}. */
    public CheckSupport support(IsolationCheck check) {
        CheckSupport s = checks.get(check);
        return s != null ? s : CheckSupport.cannotRun("the driver declares nothing about " + check);
    }
}
