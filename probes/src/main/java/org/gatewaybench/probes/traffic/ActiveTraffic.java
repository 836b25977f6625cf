package org.gatewaybench.probes.traffic;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The traffic run Gatling is executing now. Gatling instantiates {@link TrafficSimulation} by class
 * name, so the plan reaches it through this holder; {@link TrafficProbe} lets one run at a time.
 */
record ActiveTraffic(TrafficPlan plan, TrafficRecorder recorder, AtomicBoolean stopRequested) {

    ActiveTraffic(TrafficPlan plan, TrafficRecorder recorder) {
        this(plan, recorder, new AtomicBoolean());
    }

    private static final AtomicReference<ActiveTraffic> CURRENT = new AtomicReference<>();

    static void begin(ActiveTraffic run) {
        if (!CURRENT.compareAndSet(null, run)) {
            throw new IllegalStateException("a traffic run is already active for gateway "
                    + CURRENT.get().plan().gateway() + "; Gatling runs one simulation per JVM at a time");
        }
    }

    static void end(ActiveTraffic run) {
        CURRENT.compareAndSet(run, null);
    }

    static ActiveTraffic current() {
        ActiveTraffic run = CURRENT.get();
        if (run == null) {
            throw new IllegalStateException("TrafficSimulation runs only inside TrafficProbe, which provides its plan");
        }
        return run;
    }
}
