package org.gatewaybench.gateways;

/** A gateway could not be installed or failed while running; the message says why. */
public class GatewayException extends RuntimeException {

    public GatewayException(String message) {
        super(message);
    }

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
