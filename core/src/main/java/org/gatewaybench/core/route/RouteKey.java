package org.gatewaybench.core.route;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of one route: the tenant that owns it and its name within the tenant. Both are
 * DNS labels so that the same key names a namespace and an object in a real cluster. Written as
 * {@code tenant/name} in journals.
 */
public record RouteKey(String tenant, String name) implements Comparable<RouteKey> {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public RouteKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        if (!DNS_LABEL.matcher(tenant).matches()) {
            throw new IllegalArgumentException("tenant is not a DNS label: '" + tenant + "'");
        }
        if (!DNS_LABEL.matcher(name).matches()) {
            throw new IllegalArgumentException("route name is not a DNS label: '" + name + "'");
        }
    }

    /** Parses {@code tenant/name}. */
    @JsonCreator
    public static RouteKey parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("expected tenant/name, found '" + text + "'");
        }
        return new RouteKey(text.substring(0, slash), text.substring(slash + 1));
    }

    @JsonValue
    @Override
    public String toString() {
        return tenant + "/" + name;
    }

    @Override
    public int compareTo(RouteKey o) {
        int c = tenant.compareTo(o.tenant);
        return c != 0 ? c : name.compareTo(o.name);
    }
}
