package org.gatewaybench.scenarios.run;

import java.util.Optional;

/**
 * Something that runs beside the churn for one gateway: a probe (long connections, traffic,
 * resources) or a fault schedule. It starts once the gateway's stable routes are active and is
 * closed after the churn and the activation drain, or at once on Ctrl-C.
 */
public interface Companion extends AutoCloseable {

    /** Stops it; whatever it observed is in the journal. */
    @Override
    void close();

    /** Starts a companion when the scenario asks for it. */
    @FunctionalInterface
    interface Factory {

        /** The started companion for {@code run}, or empty when the scenario does not ask for it. */
        Optional<Companion> start(GatewayRun run) throws Exception;
    }
}
