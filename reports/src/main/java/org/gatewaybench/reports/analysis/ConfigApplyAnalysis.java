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

/**
 * Data-plane config applies (reloads, runtime API updates) judged from the journal: each
 * ConfigApplyStarted is paired with the ConfigApplyEnded of the same gateway and apply number.
 */
final class ConfigApplyAnalysis implements Fold {

    /** Per gateway, the applies in the order they started. */
    private final PerGateway<Map<Long, Apply>> applies = new PerGateway<>(LinkedHashMap::new);

    /** One apply as far as the journal has told; mechanism strings are shared, one per word. */
    private static final class Apply {
        final long apply;
        final String mechanism;
        final int routes;
        final int changes;
        final long startMono;
        boolean ended;
        long endMono;
        boolean ok;
        String detail;

        Apply(Events.ConfigApplyStarted s, String mechanism) {
            this.apply = s.apply();
            this.mechanism = mechanism;
            this.routes = s.routes();
            this.changes = s.changes();
            this.startMono = s.at().mono();
        }
    }

    /** Ends journaled before their start (never by the drivers, but a journal may say so). */
    private final Map<String, Map<Long, Events.ConfigApplyEnded>> endsBeforeStarts = new HashMap<>();
    private final Map<String, String> mechanisms = new HashMap<>();

    @Override
    public void accept(Event e) {
        if (e instanceof Events.ConfigApplyStarted s) {
            Map<Long, Apply> byNumber = applies.of(s.gateway());
            if (!byNumber.containsKey(s.apply())) {
                String mechanism = s.mechanism() == null ? null : mechanisms.computeIfAbsent(s.mechanism(), m -> m);
                Apply a = new Apply(s, mechanism);
                byNumber.put(s.apply(), a);
                Events.ConfigApplyEnded early = endsBeforeStarts.getOrDefault(s.gateway(), new HashMap<>())
                        .remove(s.apply());
                if (early != null) {
                    end(a, early);
                }
            }
        } else if (e instanceof Events.ConfigApplyEnded x) {
            Apply a = applies.of(x.gateway()).get(x.apply());
            if (a == null) {
                endsBeforeStarts.computeIfAbsent(x.gateway(), g -> new HashMap<>()).putIfAbsent(x.apply(), x);
            } else if (!a.ended) {
                end(a, x);
            }
        }
    }

    private static void end(Apply a, Events.ConfigApplyEnded end) {
        a.ended = true;
        a.endMono = end.at().mono();
        a.ok = end.ok();
        a.detail = end.detail();
    }

    /** Config applies per gateway, in the layout's gateway order. */
    Map<String, GatewayConfigApplies> result(RunLayout layout) {
        return applies.results(layout, (gateway, byNumber) -> {
            List<ConfigApply> list = new ArrayList<>();
            for (Apply a : byNumber.values()) {
                list.add(new ConfigApply(a.apply, a.mechanism, a.routes, a.changes,
                        layout.secondsSinceStart(gateway, a.startMono),
                        a.ended ? Math.max(0, a.endMono - a.startMono) : -1, a.ended && a.ok, a.ended ? a.detail : null));
            }
            return new GatewayConfigApplies(gateway, figures(list), list);
        });
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
