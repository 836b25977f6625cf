package org.gatewaybench.probes.traffic;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk run measured (closed model: each connection sends its next request when the last
 * answer arrived). Latencies as wrk prints them, at its microsecond resolution.
 *
 * @param errorAnswers answers that were neither 2xx nor 3xx
 * @param socketErrors connect, read, write errors and timeouts together
 */
public record WrkResult(long requests, double requestsPerSecond, Duration p50, Duration p75, Duration p90,
                        Duration p99, Duration max, long errorAnswers, long socketErrors) {

    private static final String NUMBER_UNIT = "([0-9.]+)(us|ms|s|m|h)";
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|75|90|99)%\\s+" + NUMBER_UNIT + "\\s*$",
            Pattern.MULTILINE);
    private static final Pattern LATENCY_STATS = Pattern.compile(
            "^\\s*Latency\\s+\\S+\\s+\\S+\\s+" + NUMBER_UNIT + "\\s", Pattern.MULTILINE);
    private static final Pattern REQUESTS = Pattern.compile("^\\s*(\\d+) requests in ", Pattern.MULTILINE);
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([0-9.]+)", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    public WrkResult {
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p75, "p75");
        Objects.requireNonNull(p90, "p90");
        Objects.requireNonNull(p99, "p99");
        Objects.requireNonNull(max, "max");
    }

    /** Parses the output of {@code wrk --latency}; fails naming the line it could not find. */
    public static WrkResult parse(String output) {
        Duration[] percentiles = new Duration[4];
        Matcher p = PERCENTILE.matcher(output);
        while (p.find()) {
            int slot = switch (p.group(1)) {
                case "50" -> 0;
                case "75" -> 1;
                case "90" -> 2;
                default -> 3;
            };
            percentiles[slot] = duration(p.group(2), p.group(3));
        }
        for (Duration d : percentiles) {
            if (d == null) {
                throw new IllegalArgumentException("wrk output lacks its latency distribution (50%, 75%, 90%, 99%); "
                        + "expected the output of wrk --latency, found:\n" + output);
            }
        }
        Matcher max = find(LATENCY_STATS, output, "the 'Latency avg stdev max' line");
        long requests = Long.parseLong(find(REQUESTS, output, "the 'N requests in' line").group(1));
        double rate = Double.parseDouble(find(RATE, output, "the 'Requests/sec:' line").group(1));
        Matcher non2xx = NON_2XX.matcher(output);
        long errorAnswers = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        Matcher socket = SOCKET_ERRORS.matcher(output);
        long socketErrors = 0;
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(socket.group(g));
            }
        }
        return new WrkResult(requests, rate, percentiles[0], percentiles[1], percentiles[2], percentiles[3],
                duration(max.group(1), max.group(2)), errorAnswers, socketErrors);
    }

    private static Matcher find(Pattern pattern, String output, String what) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("wrk output lacks " + what + "; found:\n" + output);
        }
        return m;
    }

    private static Duration duration(String number, String unit) {
        double value = Double.parseDouble(number);
        double nanos = switch (unit) {
            case "us" -> value * 1e3;
            case "ms" -> value * 1e6;
            case "s" -> value * 1e9;
            case "m" -> value * 60e9;
            default -> value * 3600e9;
        };
        return Duration.ofNanos(Math.round(nanos));
    }
}
