package org.gatewaybench.core.isolation;

/**
 * What a client in a tenant's position got from one control endpoint.
 *
 * @param reached whether it connected (and, for a read, was answered)
 * @param answer  the first line of the answer (an HTTP status line, a version), or why it was not reached
 */
public record EndpointReach(ControlEndpoint endpoint, boolean reached, String answer) {
}
