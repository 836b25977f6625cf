package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.History;

/**
 * Data-plane config applies (reloads, runtime API updates) judged from the journal: each
 * ConfigApplyStarted is paired with the ConfigApplyEnded of the same gateway and apply number.
 */
public final class ConfigApplyAnalysis {

    private ConfigApplyAnalysis() {
    }

    /** Config applies per gateway, in the layout's gateway order. */
    public static Map<String, GatewayConfigApplies> analyze(History history, RunLayout layout) {
        Map<String, Map<Long, Events.ConfigApplyStarted>> started = new HashMap<>();
        Map<String, Map<Long, Events.ConfigApplyEnded>> ended = new HashMap<>();
        for (Event e : history.events()) {
            if (e instanceof Events.ConfigApplyStarted s) {
                started.computeIfAbsent(s.gateway(), g -> new LinkedHashMap<>()).putIfAbsent(s.apply(), s);
            } else if (e instanceof Events.ConfigApplyEnded x) {
                ended.computeIfAbsent(x.gateway(), g -> new HashMap<>()).putIfAbsent(x.apply(), x);
            }
        }
        Map<String, GatewayConfigApplies> result = new LinkedHashMap<>();
        for (String gateway : layout.gateways()) {
            Map<Long, Events.ConfigApplyEnded> ends = ended.getOrDefault(gateway, Map.of());
            List<ConfigApply> applies = new ArrayList<>();
            for (Events.ConfigApplyStarted s : started.getOrDefault(gateway, Map.of()).values()) {
                Events.ConfigApplyEnded end = ends.get(s.apply());
                applies.add(new ConfigApply(s.apply(), s.mechanism(), s.routes(), s.changes(),
                        layout.secondsSinceStart(gateway, s.at().mono()),
                        end == null ? -1 : Math.max(0, end.at().mono() - s.at().mono()),
                        end != null && end.ok(), end == null ? null : end.detail()));
            }
            result.put(gateway, new GatewayConfigApplies(gateway, figures(applies), applies));
        }
        return result;
    }

    private static ConfigApplyFigures figures(List<ConfigApply> applies) {
        Histogram duration = LatencyStats.newHistogram();
        Set<String> mechanisms = new LinkedHashSet<>();
        long failed = 0;
        long unfinished = 0;
        long changes = 0;
        long maxRoutes = 0;
        for (ConfigApply a : applies) {
            mechanisms.add(a.mechanism() == null ? "unknown" : a.mechanism());
            changes += a.changes();
            maxRoutes = Math.max(maxRoutes, a.routes());
            if (!a.finished()) {
                unfinished++;
            } else if (!a.ok()) {
                failed++;
            } else {
                duration.recordValue(a.durationNanos());
            }
        }
        double meanChanges = applies.isEmpty() ? 0 : (double) changes / applies.size();
        return new ConfigApplyFigures(applies.size(), failed, unfinished, List.copyOf(mechanisms),
                LatencyStats.of(duration), meanChanges, maxRoutes);
    }
}
