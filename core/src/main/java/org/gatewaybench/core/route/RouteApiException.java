package org.gatewaybench.core.route;

/** A route API refused or failed a write, and why as far as it can tell ({@link Refusal}). */
public class RouteApiException extends RuntimeException {

    private final Refusal refusal;

    public RouteApiException(String message) {
        this(message, Refusal.OTHER, null);
    }

    public RouteApiException(String message, Throwable cause) {
        this(message, Refusal.OTHER, cause);
    }

    public RouteApiException(String message, Refusal refusal, Throwable cause) {
        super(message, cause);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
