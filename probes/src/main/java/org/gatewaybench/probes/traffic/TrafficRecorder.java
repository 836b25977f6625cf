package org.gatewaybench.probes.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.time.Clock;

/**
 * Counts the traffic probe's answers into fixed windows by the time they completed, and journals
 * each window as a {@link Events.TrafficWindow} once it is over. Gatling's own report covers the
 * whole run; these windows give the time series that lines traffic up with churn and chaos.
 * Thread-safe: Gatling records from its event-loop threads while a ticker closes windows.
 */
final class TrafficRecorder {

    /** The status word of a request that got no HTTP answer (refused, reset, timed out). */
    static final String NO_ANSWER = "no-answer";

    private static final long HIGHEST_TRACKABLE_MS = 3_600_000;

    private final Clock clock;
    private final Journal journal;
    private final String gateway;
    private final long windowNanos;
    private volatile long startMono = -1;
    private final Map<Long, Window> open = new TreeMap<>();
    private final Map<String, Long> totalByStatus = new TreeMap<>();
    private final List<Events.TrafficWindow> closed = new ArrayList<>();
    private long totalWrongBackend;

    TrafficRecorder(Clock clock, Journal journal, String gateway, long windowNanos) {
        this.clock = clock;
        this.journal = journal;
        this.gateway = gateway;
        this.windowNanos = windowNanos;
    }

    /** The traffic starts now: windows are counted from here. */
    void begin() {
        startMono = clock.monoNanos();
    }

    /** When the traffic started, or -1 before it did. */
    long startMono() {
        return startMono;
    }

    /**
     * One finished request.
     *
     * @param status       the HTTP status, or -1 when there was no answer
     * @param latencyMs    Gatling's response time in ms, or -1 when unknown
     * @param wrongBackend a 200 came from another backend than the route's
     * @param ok           Gatling counted the request ok (all checks passed)
     */
    synchronized void record(int status, long latencyMs, boolean wrongBackend, boolean ok) {
        long index = Math.max(0, (clock.monoNanos() - startMono) / windowNanos);
        Window w = open.computeIfAbsent(index, i -> new Window());
        String statusWord = status < 0 ? NO_ANSWER : Integer.toString(status);
        w.requests++;
        if (ok) {
            w.ok++;
        }
        w.byStatus.merge(statusWord, 1L, Long::sum);
        totalByStatus.merge(statusWord, 1L, Long::sum);
        if (wrongBackend) {
            w.wrongBackend++;
            totalWrongBackend++;
        }
        if (latencyMs >= 0) {
            w.latency.recordValue(Math.min(latencyMs, HIGHEST_TRACKABLE_MS));
        }
    }

    /** Journals every window that has ended by now. */
    void closeFinishedWindows() {
        if (startMono < 0) {
            return;
        }
        closeWindowsBefore((clock.monoNanos() - startMono) / windowNanos);
    }

    /** Journals every window still open: the run is over. */
    void closeAll() {
        closeWindowsBefore(Long.MAX_VALUE);
    }

    private void closeWindowsBefore(long firstOpenIndex) {
        List<Events.TrafficWindow> ready = new ArrayList<>();
        synchronized (this) {
            var it = open.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                if (e.getKey() >= firstOpenIndex) {
                    break;
                }
                ready.add(e.getValue().toEvent(e.getKey()));
                it.remove();
            }
            closed.addAll(ready);
        }
        ready.forEach(journal::append);
    }

    /** The windows journaled so far, in time order. */
    synchronized List<Events.TrafficWindow> windows() {
        return List.copyOf(closed);
    }

    synchronized Map<String, Long> totalByStatus() {
        return Map.copyOf(totalByStatus);
    }

    synchronized long totalWrongBackend() {
        return totalWrongBackend;
    }

    private final class Window {
        long requests;
        long ok;
        long wrongBackend;
        final Map<String, Long> byStatus = new TreeMap<>();
        final Histogram latency = new Histogram(HIGHEST_TRACKABLE_MS, 2);

        Events.TrafficWindow toEvent(long index) {
            long start = startMono + index * windowNanos;
            boolean any = latency.getTotalCount() > 0;
            return new Events.TrafficWindow(clock.now(), gateway, start, start + windowNanos, requests, ok,
                    requests - ok, Map.copyOf(byStatus), wrongBackend,
                    any ? latency.getValueAtPercentile(50) : -1,
                    any ? latency.getValueAtPercentile(99) : -1,
                    any ? latency.getMaxValue() : -1);
        }
    }
}
