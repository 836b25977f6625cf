package org.gatewaybench.scenarios.run;

import java.nio.file.Path;
import java.util.List;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.fixtures.Fixture;
import org.gatewaybench.fixtures.FixtureException;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.embedded.EmbeddedFixture;
import org.gatewaybench.fixtures.k3s.K3sFixture;
import org.gatewaybench.fixtures.k3s.K3sSettings;
import org.gatewaybench.fixtures.kubeconfig.KubeconfigFixture;
import org.gatewaybench.fixtures.kubeconfig.KubeconfigSettings;
import org.gatewaybench.fixtures.kubernetes.KubernetesFixture;
import org.gatewaybench.probes.backend.BackendPool;

/**
 * Makes the fixture a scenario names and the backends its routes point at: in the lab, the
 * project's Netty backends in this JVM on loopback ports; in a cluster, backend pods.
 */
public class FixtureFactory {

    /** Event-loop threads shared by the lab's backends. */
    private static final int BACKEND_THREADS = 2;

    private final String kubeContext;

    /** @param kubeContext the kubeconfig context for the kubeconfig fixture, or null */
    public FixtureFactory(String kubeContext) {
        this.kubeContext = kubeContext;
    }

    /**
     * A fixture of {@code kind} for a run of {@code gateways}; {@code workDir} is the fixture's folder
     * in the run folder.
     */
    public Fixture create(FixtureKind kind, Path workDir, List<String> gateways) {
        return switch (kind) {
            case EMBEDDED -> new EmbeddedFixture(workDir);
            case K3S -> new K3sFixture(K3sSettings.forGateways(gateways, K3sSettings.BACKEND_IMAGE_TAR));
            case KUBECONFIG -> {
                if (kubeContext == null || kubeContext.isBlank()) {
                    throw new FixtureException(
                            "the kubeconfig fixture needs --kube-context NAME: it never guesses a cluster");
                }
                yield new KubeconfigFixture(new KubeconfigSettings(KubeconfigSettings.defaultKubeconfig(), kubeContext,
                        K3sSettings.BACKEND_IMAGE, null));
            }
        };
    }

    /**
     * Whether backends start before the gateways are installed. In a cluster they start after the
     * first gateway: a gateway that brings the cluster's network (Cilium) must be there first.
     */
    boolean backendsBeforeInstall(Fixture fixture) {
        return !(fixture instanceof KubernetesFixture);
    }

    /** Starts {@code count} backends for routes to point at; the teardown stops them. */
    List<Backend> backends(Fixture fixture, int count, Teardown teardown) {
        if (fixture instanceof EmbeddedFixture) {
            return teardown.add(BackendPool.start(count, BACKEND_THREADS)).backends();
        }
        if (fixture instanceof KubernetesFixture cluster) {
            return cluster.deployBackends(count); // removed with the fixture's namespaces
        }
        throw new FixtureException("fixture " + fixture.kind() + " cannot start backends");
    }
}
