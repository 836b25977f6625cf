package org.gatewaybench.scenarios.run;

import java.util.List;

/** Every companion the runner offers a gateway run, in start order. */
final class Companions {

    private Companions() {
    }

    static List<Companion.Factory> all() {
        return List.of(
                LongConnectionCompanion::start);
    }
}
