package org.gatewaybench.gateways.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.gatewaybench.core.ledger.ClusterClaim;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.kubernetes.BackendEndpoints;
import org.gatewaybench.fixtures.kubernetes.BackendPods;
import org.gatewaybench.fixtures.kubernetes.KubernetesFixture;
import org.gatewaybench.fixtures.kubernetes.Ownership;

/**
 * A Kubernetes fixture around fabric8's mock API server, for what a driver asks of the cluster:
 * its client, this run's ownership and the backend image's pods. Nothing is started or installed.
 */
final class MockClusterFixture implements KubernetesFixture {

    static final String IMAGE = "gateway-bench-backend:local";

    private final KubernetesClient client;
    private final Ownership ownership;

    MockClusterFixture(KubernetesClient client, Ownership ownership) {
        this.client = client;
        this.ownership = ownership;
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public Ownership ownership() {
        return ownership;
    }

    @Override
    public BackendPods backendPods() {
        return new BackendPods(client, ownership, IMAGE, "Never");
    }

    @Override
    public FixtureKind kind() {
        return FixtureKind.KUBECONFIG;
    }

    @Override
    public void start() {
        // the mock API server is already up
    }

    @Override
    public List<Backend> startBackends(int count) {
        throw new UnsupportedOperationException("no pods run on the mock API server");
    }

    @Override
    public String kubeconfig() {
        throw new UnsupportedOperationException("Helm does not run against the mock API server");
    }

    @Override
    public InetSocketAddress nodePortAddress(int nodePort) {
        throw new UnsupportedOperationException("no node behind the mock API server");
    }

    @Override
    public String createNamespace(String suffix) {
        throw new UnsupportedOperationException("not needed here");
    }

    @Override
    public BackendEndpoints backendEndpoints() {
        return new BackendEndpoints(client, ownership);
    }

    @Override
    public void cleanup() {
        // the mock API server goes with the test
    }

    @Override
    public Optional<ClusterClaim> claim() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // the mock API server goes with the test
    }
}
