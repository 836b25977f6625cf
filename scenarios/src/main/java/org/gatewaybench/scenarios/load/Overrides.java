package org.gatewaybench.scenarios.load;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line settings that replace the scenario's own; null (or empty) leaves the file's value.
 *
 * @param routes replaces every ramp target and steady population
 * @param repeat replaces how many times each gateway runs
 */
public record Overrides(String fixture, List<String> gateways, Integer routes, Path output, Integer repeat) {

    public static final Overrides NONE = new Overrides(null, List.of(), null, null, null);

    public Overrides {
        gateways = gateways == null ? List.of() : List.copyOf(gateways);
    }

    /** These overrides running only {@code names} of the scenario's gateways (as {@code run --gateways}). */
    public Overrides withGateways(String... names) {
        return new Overrides(fixture, List.of(names), routes, output, repeat);
    }

    /** These overrides writing the run folder under {@code dir} (as {@code run --output}). */
    public Overrides withOutput(Path dir) {
        return new Overrides(fixture, gateways, routes, dir, repeat);
    }
}
