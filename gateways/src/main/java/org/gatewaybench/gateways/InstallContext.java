package org.gatewaybench.gateways;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.fixtures.Fixture;

/**
 * What a driver gets to install a gateway.
 *
 * @param fixture  where to install it
 * @param options  the scenario's options for this driver, already validated against
 *                 {@link GatewayDriver#options()} (values as text; absent keys take the fallback)
 * @param backends the backends that routes will point at, known before the first route
 * @param workDir  a folder of this gateway's own for configs and logs (inside the run folder)
 * @param diagnose collects the run's diagnostics now: a driver whose install failed calls it before it
 *                 rolls the install back, while the evidence still exists
 */
public record InstallContext(Fixture fixture, Journal journal, Clock clock, Map<String, String> options,
                             List<Backend> backends, Path workDir, Diagnose diagnose) {

    /** Collects a failure's evidence into the run's diagnostics folder. */
    @FunctionalInterface
    public interface Diagnose {

        /**
         * The fixture's evidence, then what {@code gatewayPart} writes into the same folder (it gets
         * the folder, returns the files it wrote); {@code reason} says what failed.
         */
        void collect(String reason, Function<Path, List<Path>> gatewayPart);
    }

    public InstallContext {
        options = Map.copyOf(options);
        backends = List.copyOf(backends);
    }

    /** A context without a run to collect diagnostics into (a test, a benchmark). */
    public InstallContext(Fixture fixture, Journal journal, Clock clock, Map<String, String> options,
                          List<Backend> backends, Path workDir) {
        this(fixture, journal, clock, options, backends, workDir, (reason, gatewayPart) -> { });
    }

    /** The option's text, or the fallback its driver declares. */
    public String option(GatewayOption option) {
        return options.getOrDefault(option.name(), option.fallback());
    }
}
