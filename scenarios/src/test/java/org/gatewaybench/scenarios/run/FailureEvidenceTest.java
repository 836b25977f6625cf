package org.gatewaybench.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gatewaybench.core.activation.Expect;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.core.time.Stamp;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.embedded.EmbeddedFixture;
import org.gatewaybench.fixtures.kubernetes.ClusterFixture;
import org.gatewaybench.fixtures.kubernetes.Ownership;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure's evidence, collected from a cluster fixture on fabric8's mock API server (the one part
 * of a cluster that can exist here): when, how often, into which folder, and what is journaled.
 */
@EnableKubernetesMockClient(crud = true)
class FailureEvidenceTest {

    KubernetesClient client;

    @TempDir
    Path runDir;

    private final RecordingJournal journal = new RecordingJournal();
    private MockApiCluster cluster;
    private FailureEvidence evidence;

    /** The cluster fixture's shared part, connected to the mock API instead of a k3s node. */
    static final class MockApiCluster extends ClusterFixture {
        private final KubernetesClient api;

        MockApiCluster(KubernetesClient api) {
            super(new Ownership("gbev0001", "gbev0001-"), new Backends("backend:test", "Never",
                    Duration.ofSeconds(5), Duration.ofSeconds(5)));
            this.api = api;
        }

        @Override
        public FixtureKind kind() {
            return FixtureKind.KUBECONFIG;
        }

        @Override
        public void start() {
            connect(api);
        }

        @Override
        public String kubeconfig() {
            return "";
        }

        @Override
        public InetSocketAddress nodePortAddress(int nodePort) {
            return new InetSocketAddress("127.0.0.1", nodePort);
        }

        @Override
        public void close() {
            // The mock server's client belongs to the test extension.
        }
    }

    @BeforeEach
    void cluster() {
        cluster = new MockApiCluster(client);
        cluster.start();
        String ns = cluster.createNamespace("ingress-nginx");
        client.pods().inNamespace(ns).resource(new PodBuilder().withNewMetadata().withName("controller-0")
                .endMetadata().withNewSpec().addNewContainer().withName("controller").withImage("nginx").endContainer()
                .endSpec().withNewStatus().withPhase("Pending").endStatus().build()).create();
        client.v1().events().inNamespace(ns).resource(new EventBuilder().withNewMetadata().withName("e1").endMetadata()
                .withType("Warning").withReason("FailedScheduling").withMessage("0/1 nodes are available")
                .withLastTimestamp("2026-11-28T09:00:00Z").build()).create();
        evidence = new FailureEvidence(runDir, cluster, journal, Clock.SYSTEM);
    }

    @AfterEach
    void close() throws InterruptedException {
        evidence.close();
    }

    private static Events.ProbeGaveUp gaveUp(String gateway, String route) {
        return new Events.ProbeGaveUp(new Stamp(1, 1), gateway, 7, RouteKey.parse(route), Expect.PRESENT, 60_000_000_000L);
    }

    private List<Events.DiagnosticsCollected> collected() {
        return journal.history().select(Events.DiagnosticsCollected.class).toList();
    }

    @Test
    void theFirstNeverActivatedRouteOfAGatewayIsCollectedOnceInTheBackground() throws Exception {
        evidence.begin("ingress-nginx");
        evidence.onEvent(gaveUp("ingress-nginx", "t1/r1"));
        evidence.onEvent(gaveUp("ingress-nginx", "t2/r9"));
        evidence.close(); // waits for the collection under way

        assertThat(collected()).hasSize(1);
        Events.DiagnosticsCollected event = collected().get(0);
        assertThat(event.gateway()).isEqualTo("ingress-nginx");
        assertThat(event.reason()).contains("route t1/r1 never reached present");
        assertThat(event.folder()).isEqualTo("diagnostics/01-ingress-nginx");
        assertThat(event.files()).contains("diagnostics/01-ingress-nginx/events.txt",
                "diagnostics/01-ingress-nginx/pods.txt", "diagnostics/01-ingress-nginx/nodes.txt",
                "diagnostics/01-ingress-nginx/pods/gbev0001-ingress-nginx/controller-0.describe.txt");
        assertThat(event.files()).allMatch(f -> Files.isRegularFile(runDir.resolve(f)));
        assertThat(Files.readString(runDir.resolve("diagnostics/01-ingress-nginx/events.txt")))
                .contains("FailedScheduling: 0/1 nodes are available");
    }

    @Test
    void aFaultThatDidNotHealIsCollectedAndOneThatHealedIsNot() throws Exception {
        evidence.begin("ingress-nginx");
        evidence.onEvent(new Events.FaultHealed(new Stamp(1, 1), "ingress-nginx", 0, true, "restarted"));
        evidence.onEvent(new Events.FaultHealed(new Stamp(2, 2), "ingress-nginx", 1, false,
                "the controller pod is not Ready after 120s"));
        evidence.close();

        assertThat(collected()).extracting(Events.DiagnosticsCollected::reason)
                .containsExactly("fault 1 did not heal: the controller pod is not Ready after 120s");
    }

    @Test
    void aFailedInstallIsCollectedWithTheGatewaysPartOnceThoughTheRunReportsItAgain() throws IOException {
        evidence.begin("ingress-nginx");
        evidence.now("ingress-nginx did not install: timed out", dir -> {
            try {
                Files.createDirectories(dir);
                return List.of(Files.writeString(dir.resolve("helm-release-ingress-nginx.txt"), "status: failed"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        evidence.now("ingress-nginx did not install: timed out"); // the runner's catch, after the driver threw

        assertThat(collected()).hasSize(1);
        assertThat(collected().get(0).files()).contains("diagnostics/01-ingress-nginx/helm-release-ingress-nginx.txt",
                "diagnostics/01-ingress-nginx/events.txt");
    }

    @Test
    void theLabHasNothingToAddAndLeavesNoTrace() throws Exception {
        try (EmbeddedFixture lab = new EmbeddedFixture(runDir.resolve("fixture"))) {
            FailureEvidence labEvidence = new FailureEvidence(runDir, lab, journal, Clock.SYSTEM);
            labEvidence.begin("lab-nginx-reload");
            labEvidence.onEvent(gaveUp("lab-nginx-reload", "t1/r1"));
            labEvidence.now("lab-nginx-reload: nginx did not start");
            labEvidence.close();
        }
        assertThat(collected()).isEmpty();
        assertThat(runDir.resolve("diagnostics")).doesNotExist();
    }
}
