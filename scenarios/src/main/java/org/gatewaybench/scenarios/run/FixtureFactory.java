package org.gatewaybench.scenarios.run;

import java.nio.file.Path;
import java.util.List;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.fixtures.Fixture;
import org.gatewaybench.fixtures.FixtureException;
import org.gatewaybench.fixtures.embedded.EmbeddedFixture;
import org.gatewaybench.probes.backend.BackendPool;

/**
 * Makes the fixture a scenario names and the backends its routes point at: in the lab, the
 * project's Netty backends in this JVM on loopback ports.
 */
public class FixtureFactory {

    /** Event-loop threads shared by the lab's backends. */
    private static final int BACKEND_THREADS = 2;

    private final String kubeContext;

    /** @param kubeContext the kubeconfig context for the kubeconfig fixture, or null */
    public FixtureFactory(String kubeContext) {
        this.kubeContext = kubeContext;
    }

    public Fixture create(String name, Path workDir) {
        return switch (name) {
            case "embedded" -> new EmbeddedFixture(workDir);
            default -> throw new FixtureException("unknown fixture '" + name + "': expected embedded, k3s or kubeconfig"
                    + (kubeContext == null ? "" : ""));
        };
    }

    /** Starts {@code count} backends for routes to point at; the teardown stops them. */
    List<Backend> backends(Fixture fixture, int count, Teardown teardown) {
        if (fixture instanceof EmbeddedFixture) {
            return teardown.add(BackendPool.start(count, BACKEND_THREADS)).backends();
        }
        throw new FixtureException("fixture " + fixture.name() + " cannot start backends");
    }
}
