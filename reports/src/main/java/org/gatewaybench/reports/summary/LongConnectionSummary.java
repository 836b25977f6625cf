package org.gatewaybench.reports.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.connection.ConnectionKind;
import org.gatewaybench.reports.analysis.LongConnectionAnalysis;

/**
 * One gateway's long-connection figures in summary.json (the timeline and population samples stay
 * in the journal and report.html). Rates are null where they have no denominator.
 *
 * @param drops                    connections that ended or stalled without the probe asking
 * @param routeChanges             route writes the API acknowledged
 * @param configApplies            data-plane config applies started
 * @param dropsPer1000RouteChanges drops per 1,000 acknowledged route writes
 * @param dropsPerConfigApply      drops per config apply
 * @param failedReconnects         tries to replace a dropped connection that failed
 * @param kinds                    per connection kind (websocket, http1, sse, h2c)
 * @param delayFromApply           drops by the time from the config apply that retired their connection
 * @param dropsWithoutApply        drops of connections that saw no config apply
 */
public record LongConnectionSummary(long drops, long routeChanges, long configApplies, Double dropsPer1000RouteChanges,
                                    Double dropsPerConfigApply, long failedReconnects,
                                    Map<ConnectionKind, LongConnectionAnalysis.KindFigures> kinds,
                                    List<DelayBucket> delayFromApply, long dropsWithoutApply) {

    /**
     * Drops with a delay below {@code upToNanos} and not below the bucket before; a null bound is
     * the last bucket, which takes every longer delay.
     */
    public record DelayBucket(Long upToNanos, long drops) {
    }

    /** The summary of {@code f}. */
    public static LongConnectionSummary of(LongConnectionAnalysis.GatewayFigures f) {
        List<DelayBucket> delays = new ArrayList<>();
        for (LongConnectionAnalysis.DelayBucket b : f.delayFromApply()) {
            delays.add(new DelayBucket(b.upTo() == null ? null : b.upTo().toNanos(), b.drops()));
        }
        long failedReconnects = f.kinds().values().stream()
                .mapToLong(LongConnectionAnalysis.KindFigures::failedReconnects).sum();
        return new LongConnectionSummary(f.drops(), f.routeChanges(), f.configApplies(),
                finite(f.dropsPer1000RouteChanges()), finite(f.dropsPerConfigApply()), failedReconnects, f.kinds(),
                delays, f.dropsWithoutApply());
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
