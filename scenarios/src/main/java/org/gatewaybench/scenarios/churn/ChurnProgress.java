package org.gatewaybench.scenarios.churn;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.gatewaybench.core.route.OpKind;
import org.gatewaybench.scenarios.model.Phase;

/** Live counters of the churn, read by the progress line. Figures in reports come from the journal. */
public final class ChurnProgress {

    private final AtomicLong created = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong phaseSent = new AtomicLong();
    private final LongAccumulator maxLag = new LongAccumulator(Math::max, 0);
    private volatile int phaseIndex = -1;
    private volatile Phase phase;
    private volatile long phasePlanned;

    void startPhase(int index, Phase p, long planned) {
        phaseIndex = index;
        phase = p;
        phasePlanned = planned;
        phaseSent.set(0);
    }

    void sent(long lagNanos) {
        phaseSent.incrementAndGet();
        maxLag.accumulate(lagNanos);
    }

    void acked(OpKind kind) {
        switch (kind) {
            case CREATE -> created.incrementAndGet();
            case UPDATE -> updated.incrementAndGet();
            case DELETE -> deleted.incrementAndGet();
        }
    }

    void refused() {
        failed.incrementAndGet();
    }

    public long created() {
        return created.get();
    }

    public long updated() {
        return updated.get();
    }

    public long deleted() {
        return deleted.get();
    }

    public long failed() {
        return failed.get();
    }

    public long phaseSent() {
        return phaseSent.get();
    }

    public long phasePlanned() {
        return phasePlanned;
    }

    public int phaseIndex() {
        return phaseIndex;
    }

    /** The phase running now, or null before the first. */
    public Phase phase() {
        return phase;
    }

    public long maxLagNanos() {
        return maxLag.get();
    }
}
