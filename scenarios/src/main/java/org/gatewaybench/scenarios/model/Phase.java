package org.gatewaybench.scenarios.model;

import java.time.Duration;

/** One churn phase. Rates are route writes per second. */
public sealed interface Phase {

    String name();

    /** The word used in scenarios and journals: ramp, steady or delete-all. */
    String kind();

    double rate();

    Phase withRoutes(int routes);

    /** Create routes until {@code to} routes exist. */
    record Ramp(String name, int to, double rate) implements Phase {
        @Override
        public String kind() {
            return "ramp";
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
        public String kind() {
            return "steady";
        }

        @Override
        public Phase withRoutes(int routes) {
            return new Steady(name, rate, routes, duration);
        }
    }

    /** Delete every route that exists. */
    record DeleteAll(String name, double rate) implements Phase {
        @Override
        public String kind() {
            return "delete-all";
        }

        @Override
        public Phase withRoutes(int routes) {
            return this;
        }
    }
}
