package org.gatewaybench.core.route;

/** A route API refused or failed a write. */
public class RouteApiException extends RuntimeException {

    public RouteApiException(String message) {
        super(message);
    }

    public RouteApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
