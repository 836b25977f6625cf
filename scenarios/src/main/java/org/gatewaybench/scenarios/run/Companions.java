package org.gatewaybench.scenarios.run;

import java.util.List;

/** Every companion the runner offers a gateway run, in start order. */
final class Companions {

    private Companions() {
    }

    /**
     * Resources first (so the samples cover the whole churn), then traffic (so the baseline of
     * answers precedes the first fault), then the chaos schedule.
     */
    static List<Companion.Factory> all() {
        return List.of(
                ResourceCompanion::start,
                LongConnectionCompanion::start,
                TrafficCompanion::start,
                ChaosSchedule::start);
    }
}
