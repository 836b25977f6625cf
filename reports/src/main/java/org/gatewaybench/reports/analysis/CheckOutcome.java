package org.gatewaybench.reports.analysis;

import java.util.List;
import java.util.Map;
import org.gatewaybench.core.isolation.Actor;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.Stage;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.core.journal.Events;

/**
 * One isolation check on one gateway as the journal tells it: the verdict judged again from its
 * events, the evidence it rests on, and what the reports show of it. Times are seconds since the
 * check started.
 *
 * @param settings   the check's settings as journaled: its bounds, how the driver writes it
 * @param journaled  the verdict the probe journaled, or null when the run ended before it did
 * @param writes     route writes of the check (all tenants)
 * @param requests   requests of the check through the data plane
 * @param samples    some of those requests: every one B's backend or canary answered (up to a cap),
 *                   then evenly spread others, in time order
 * @param timings    the quiet tenants' writes and how long each took to go live (blast radius, noisy neighbour)
 * @param attacker   when B's writes began and ended (its route's life, or its storm); null without a write of B
 * @param endpoints  the control endpoints tried from B's position
 */
public record CheckOutcome(IsolationCheck check, Verdict verdict, String reason, Map<String, Double> figures,
                           Map<String, String> settings, Verdict journaled, double durationSeconds, int writes, int requests, List<Sample> samples,
                           List<Timing> timings, Span attacker, List<Events.ControlEndpointTried> endpoints) {

    public CheckOutcome {
        figures = Map.copyOf(figures);
        settings = Map.copyOf(settings);
        samples = List.copyOf(samples);
        timings = List.copyOf(timings);
        endpoints = List.copyOf(endpoints);
    }

    /**
     * One request of the check: when it was sent, what it asked, what answered and how long it took.
     *
     * @param answeredBy whose backend answered: A, B, another tenant's, or null when none did
     */
    public record Sample(double seconds, Stage stage, String host, String path, int status, String backend,
                         String answeredBy, String canary, String failure, double millis) {
    }

    /**
     * A write of a quiet tenant and how long it took to go live by the activation rule.
     *
     * @param liveMillis from the write's acknowledgement to live; NaN when it never went live
     */
    public record Timing(double seconds, Actor actor, Stage stage, String route, double liveMillis) {

        public boolean live() {
            return !Double.isNaN(liveMillis);
        }
    }

    /** From B's first write to its delete (or its last write, for a storm), seconds since the check started. */
    public record Span(double from, double until) {
    }

    /** A setting of the check as a number, or NaN when it has none. */
    public double setting(String key) {
        try {
            return Double.parseDouble(settings.getOrDefault(key, "NaN"));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Whether the probe journaled a verdict other than the one judged again from its events. */
    public boolean disagrees() {
        return journaled != null && journaled != verdict;
    }
}
