package org.gatewaybench.scenarios.model;

import java.time.Duration;
import org.gatewaybench.core.route.PhaseKind;

/** One churn phase. Rates are route writes per second. */
@Variant.Key(value = "kind", help = "the phase kind")
public sealed interface Phase {

    String name();

    PhaseKind kind();

    double rate();

    Phase withRoutes(int routes);

    /** The same phase under another name. */
    Phase withName(String name);

    /** Create routes until {@code to} routes exist. */
    @Variant("ramp")
    record Ramp(
            @Field(help = Names.PHASE_HELP, pattern = Names.PATTERN, form = Names.PHASE_FORM)
            String name,
            @Field(help = "create routes until this many exist", required = true, min = 1, max = 1_000_000)
            int to,
            @Field(help = "route creates per second", required = true, min = 0, aboveMin = true, max = Names.MAX_RATE)
            double rate) implements Phase {

        @Override
        public PhaseKind kind() {
            return PhaseKind.RAMP;
        }

        @Override
        public Phase withRoutes(int routes) {
            return new Ramp(name, routes, rate);
        }

        @Override
        public Phase withName(String newName) {
            return new Ramp(newName, to, rate);
        }
    }

    /**
     * For {@code duration}, keep about {@code population} routes while creating, updating
     * (moving to another backend) and deleting them in turn.
     */
    @Variant("steady")
    record Steady(
            @Field(help = Names.PHASE_HELP, pattern = Names.PATTERN, form = Names.PHASE_FORM)
            String name,
            @Field(help = "route writes (create, update, delete in turn) per second", required = true, min = 0,
                    aboveMin = true, max = Names.MAX_RATE)
            double rate,
            @Field(help = "how many routes to keep", required = true, min = 0, max = 1_000_000)
            int population,
            @Field(help = "how long the phase lasts", required = true, atLeast = "1ms")
            Duration duration) implements Phase {

        @Override
        public PhaseKind kind() {
            return PhaseKind.STEADY;
        }

        @Override
        public Phase withRoutes(int routes) {
            return new Steady(name, rate, routes, duration);
        }

        @Override
        public Phase withName(String newName) {
            return new Steady(newName, rate, population, duration);
        }
    }

    /** Delete every route that exists. */
    @Variant("delete-all")
    record DeleteAll(
            @Field(help = Names.PHASE_HELP, pattern = Names.PATTERN, form = Names.PHASE_FORM)
            String name,
            @Field(help = "route deletes per second", required = true, min = 0, aboveMin = true, max = Names.MAX_RATE)
            double rate) implements Phase {

        @Override
        public PhaseKind kind() {
            return PhaseKind.DELETE_ALL;
        }

        @Override
        public Phase withRoutes(int routes) {
            return this;
        }

        @Override
        public Phase withName(String newName) {
            return new DeleteAll(newName, rate);
        }
    }
}
