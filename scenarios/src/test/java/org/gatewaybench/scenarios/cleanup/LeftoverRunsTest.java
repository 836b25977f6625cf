package org.gatewaybench.scenarios.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.core.ledger.Ledger;
import org.gatewaybench.core.process.ProcessIdentity;
import org.gatewaybench.fixtures.kubernetes.Ownership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kubeconfig run whose harness died, cleaned from its ledger entry against fabric8's mock API
 * server: only what carries the run's label goes, each thing named.
 */
@EnableKubernetesMockClient(crud = true)
class LeftoverRunsTest {

    private static final String RUN_LABEL = "gbcafe0001";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private Path kubeconfig;
    private Ledger ledger;

    @BeforeEach
    void aDeadRunInALedgerAndItsObjectsInACluster() throws Exception {
        Map<String, String> labels = Map.of(Ownership.MANAGED_BY_LABEL, Ownership.MANAGER, Ownership.RUN_LABEL, RUN_LABEL);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(RUN_LABEL + "-tenant-0")
                .withLabels(labels).endMetadata().build()).create();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata().build())
                .create();
        client.resource(new GatewayClassBuilder().withNewMetadata().withName(RUN_LABEL + "-envoy-gateway")
                .withLabels(labels).endMetadata().withNewSpec().withControllerName("example.net/controller").endSpec()
                .build()).create();
        kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                users:
                - name: tester
                  user: {token: not-a-secret}
                contexts:
                - name: mock
                  context: {cluster: mock, user: tester}
                current-context: mock
                """.formatted(client.getMasterUrl()));
        ledger = new Ledger(dir.resolve("ledger"));
    }

    @Test
    void theNextStartNamesTheClusterAndCleanRemovesOnlyTheRunsObjects() throws Exception {
        Path entry = deadRun("mock");

        assertThat(new LeftoverRuns(ledger).notices()).singleElement().asString()
                .contains("run kube-20261128-000000 ended without its harness")
                .contains("maybe objects labelled gateway-bench.io/run=" + RUN_LABEL + " in context 'mock'");

        String dryRun = clean(true);
        assertThat(dryRun).contains("would delete GatewayClass " + RUN_LABEL + "-envoy-gateway")
                .contains("would delete Namespace " + RUN_LABEL + "-tenant-0").contains("would remove its ledger entry");
        assertThat(client.namespaces().withName(RUN_LABEL + "-tenant-0").get()).as("a dry run deletes nothing")
                .isNotNull();

        String cleaned = clean(false);
        assertThat(cleaned).contains("deleted GatewayClass " + RUN_LABEL + "-envoy-gateway (labelled")
                .contains("deleted Namespace " + RUN_LABEL + "-tenant-0 (labelled")
                .contains("removed its ledger entry " + entry);
        assertThat(client.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                .containsExactly("team-a");
        assertThat(client.resources(GatewayClass.class).list().getItems()).isEmpty();
        assertThat(ledger.runs()).isEmpty();
    }

    @Test
    void aClusterThatCannotBeReachedKeepsTheEntryAndSaysWhy() throws Exception {
        Path entry = deadRun("gone-context");
        String out = clean(false);
        assertThat(out).contains("cannot clean context 'gone-context' of " + kubeconfig
                + ": context 'gone-context' is not in " + kubeconfig + "; contexts there: [mock]")
                .contains("its ledger entry stays: " + entry);
        assertThat(ledger.runs()).hasSize(1);
        assertThat(client.namespaces().withName(RUN_LABEL + "-tenant-0").get()).isNotNull();
    }

    private String clean(boolean dryRun) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean gone = new LeftoverRuns(ledger).clean(dryRun, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(gone).as(out).isEqualTo(dryRun || !out.contains("cannot clean"));
        return out;
    }

    /** A ledger entry as a harness writes it, whose harness (a process that ran and ended) is gone. */
    private Path deadRun(String context) throws Exception {
        Process harness = new ProcessBuilder("sleep", "60").start();
        ProcessIdentity gone = ProcessIdentity.of(harness.pid()).orElseThrow();
        harness.destroyForcibly();
        assertThat(harness.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        String boot = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
        Files.createDirectories(ledger.folder());
        return Files.write(ledger.folder().resolve("kube-20261128-000000-1.jsonl"), List.of(
                "{\"record\":\"run\",\"run\":\"kube-20261128-000000\",\"dir\":\"/runs/kube\",\"host\":\"" + host
                        + "\",\"boot\":\"" + boot + "\",\"harnessPid\":" + gone.pid() + ",\"harnessStart\":"
                        + gone.startTicks() + "}",
                "{\"record\":\"cluster\",\"kubeconfig\":\"" + kubeconfig + "\",\"context\":\"" + context
                        + "\",\"runLabel\":\"" + RUN_LABEL + "\"}"));
    }
}
