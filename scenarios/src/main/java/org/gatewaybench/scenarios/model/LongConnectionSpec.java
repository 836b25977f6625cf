package org.gatewaybench.scenarios.model;

import java.time.Duration;
import org.gatewaybench.scenarios.rules.LongConnectionRules;

/**
 * Long connections held through each gateway to its stable routes while the churn runs, to count
 * the drops that config applies cause.
 *
 * @param websocket connections of each kind to hold (0 for none)
 * @param interval  one message, request or stream event per connection per interval; no answer
 *                  for 3 intervals is a stall
 */
@CheckedBy(LongConnectionRules.class)
public record LongConnectionSpec(
        @Field(help = "WebSockets to hold, each sending a message every interval and checking the echo",
                fallback = "0", min = 0, max = 10_000)
        int websocket,
        @Field(help = "HTTP/1.1 keep-alive connections to hold, each sending a request every interval",
                fallback = "0", min = 0, max = 10_000)
        int http1,
        @Field(help = "server-sent event streams to hold, each receiving an event every interval",
                fallback = "0", min = 0, max = 10_000)
        int sse,
        @Field(help = "HTTP/2 cleartext connections to hold, one request every interval (only gateways that carry h2c)",
                fallback = "0", min = 0, max = 10_000)
        int h2c,
        @Field(help = "one message, request or event per connection per interval; no answer for 3 intervals is a stall",
                fallback = "1s", atLeast = "10ms")
        Duration interval) {

    /** Connections of every kind together. */
    public int total() {
        return websocket + http1 + sse + h2c;
    }
}
