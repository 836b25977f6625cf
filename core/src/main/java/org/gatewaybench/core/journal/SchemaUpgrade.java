package org.gatewaybench.core.journal;

import java.util.Map;
import org.gatewaybench.core.activation.ProbeRule;
import org.gatewaybench.core.time.Durations;

/**
 * Reads events written under an earlier journal schema as the current schema has them, so that
 * every analysis sees one form. Schema 1 kept the probe's rule only in the flat settings map of
 * run-started ({@code probe.consecutiveSuccesses: 3}, {@code probe.pollInterval: 5ms}).
 */
final class SchemaUpgrade {

    private SchemaUpgrade() {
    }

    static Event upgrade(Event event) {
        if (event instanceof Events.RunStarted r && r.probe() == null) {
            return new Events.RunStarted(r.at(), r.schema(), r.runId(), r.scenario(), r.scenarioFile(), r.fixture(),
                    r.host(), r.cores(), r.gateways(), probeRule(r.settings()), r.settings());
        }
        return event;
    }

    /** The rule a schema-1 run's settings name; the conformance rule for what they do not name. */
    static ProbeRule probeRule(Map<String, Object> settings) {
        ProbeRule fallback = ProbeRule.conformance();
        if (settings == null) {
            return fallback;
        }
        Object required = settings.get("probe.consecutiveSuccesses");
        Object interval = settings.get("probe.pollInterval");
        Object timeout = settings.get("probe.timeout");
        return new ProbeRule(required == null ? fallback.consecutiveSuccesses() : wholeNumber(required),
                interval == null ? 0 : Durations.parse(interval.toString()).toNanos(),
                timeout == null ? 0 : Durations.parse(timeout.toString()).toNanos());
    }

    private static int wholeNumber(Object value) {
        if (value instanceof Integer n && n >= 1) {
            return n;
        }
        throw new IllegalArgumentException("run setting probe.consecutiveSuccesses must be a whole number >= 1, found '"
                + value + "'");
    }
}
