package org.gatewaybench.gateways;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 */
public record InstallContext(Fixture fixture, Journal journal, Clock clock, Map<String, String> options,
                             List<Backend> backends, Path workDir) {

    public InstallContext {
        options = Map.copyOf(options);
        backends = List.copyOf(backends);
    }

    /** The option's text, or the fallback its driver declares. */
    public String option(GatewayOption option) {
        return options.getOrDefault(option.name(), option.fallback());
    }
}
