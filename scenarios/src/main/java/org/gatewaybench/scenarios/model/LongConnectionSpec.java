package org.gatewaybench.scenarios.model;

import java.time.Duration;

/**
 * Long connections held through each gateway to its stable routes while the churn runs, to count
 * the drops that config applies cause.
 *
 * @param websocket connections of each kind to hold (0 for none)
 * @param interval  one message, request or stream event per connection per interval; no answer
 *                  for 3 intervals is a stall
 */
public record LongConnectionSpec(int websocket, int http1, int sse, int h2c, Duration interval) {

    /** Connections of every kind together. */
    public int total() {
        return websocket + http1 + sse + h2c;
    }
}
