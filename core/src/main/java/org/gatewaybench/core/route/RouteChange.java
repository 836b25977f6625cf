package org.gatewaybench.core.route;

/**
 * What a route API tells its watchers: a route was added, modified or deleted. For a deletion,
 * {@code route} is the last version that existed.
 */
public record RouteChange(Kind kind, Route route) {

    public enum Kind { ADDED, MODIFIED, DELETED }
}
