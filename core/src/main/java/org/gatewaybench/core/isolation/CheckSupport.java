package org.gatewaybench.core.isolation;

import java.util.Objects;

/**
 * What a gateway driver declares about one isolation check: it runs (and how, in the gateway's
 * terms), it does not apply (the gateway has no such feature: the verdict is not-applicable, with
 * this reason), or the harness cannot run it there (a scenario asking for it is refused, with this
 * reason).
 *
 * @param how       how the check is written for this gateway, or why it does not apply or cannot run
 * @param intrusive whether it changes the gateway beyond routes (a file planted, a snippet):
 *                  on a cluster the harness did not create it runs only when the scenario opts in
 */
public record CheckSupport(Mode mode, String how, boolean intrusive) {

    public enum Mode { RUNS, NOT_APPLICABLE, CANNOT_RUN }

    public CheckSupport {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(how, "how");
    }

    public static CheckSupport runs(String how) {
        return new CheckSupport(Mode.RUNS, how, false);
    }

    /** Runs, and changes the gateway beyond routes. */
    public static CheckSupport runsIntrusively(String how) {
        return new CheckSupport(Mode.RUNS, how, true);
    }

    public static CheckSupport notApplicable(String why) {
        return new CheckSupport(Mode.NOT_APPLICABLE, why, false);
    }

    public static CheckSupport cannotRun(String why) {
        return new CheckSupport(Mode.CANNOT_RUN, why, false);
    }
}
