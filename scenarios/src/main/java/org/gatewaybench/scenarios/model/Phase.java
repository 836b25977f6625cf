package org.gatewaybench.scenarios.model;

import java.time.Duration;
import org.gatewaybench.core.route.PhaseKind;

/** One churn phase. Rates are route writes per second. */
public sealed interface Phase {

    String name();

    PhaseKind kind();

    double rate();

    Phase withRoutes(int routes);

    /** Create routes until {@code to} routes exist. */
    record Ramp(String name, int to, double rate) implements Phase {
        @Override
        public PhaseKind kind() {
            return PhaseKind.RAMP;
        }

        @Override
        public Phase withRoutes(int routes) {
            return new Ramp(name, routes, rate);
        }
    }

    /**
     * For {@code duration}, keep about {@code population} routes while creating, updating
     * (moving to another backend) and deleting them in turn.
     */
    record Steady(String name, double rate, int population, Duration duration) implements Phase {
        @Override
        public PhaseKind kind() {
            return PhaseKind.STEADY;
        }

        @Override
        public Phase withRoutes(int routes) {
            return new Steady(name, rate, routes, duration);
        }
    }

    /** Delete every route that exists. */
    record DeleteAll(String name, double rate) implements Phase {
        @Override
        public PhaseKind kind() {
            return PhaseKind.DELETE_ALL;
        }

        @Override
        public Phase withRoutes(int routes) {
            return this;
        }
    }
}
