package org.gatewaybench.scenarios.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServiceListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.preflight.Check;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.scenarios.run.FixtureOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each of the doctor's checks in its problem case and its good one, on this machine's real nginx
 * and HAProxy, a cgroup folder and kubeconfig files written here, and fabric8's mock API server.
 */
@EnableKubernetesMockClient
class DoctorTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private Doctor doctor(boolean docker, boolean cgroupV2) throws IOException {
        Path cgroup = Files.createDirectories(dir.resolve("cgroup"));
        if (cgroupV2) {
            Files.writeString(cgroup.resolve("cgroup.controllers"), "cpu memory pids\n");
        } else {
            Files.deleteIfExists(cgroup.resolve("cgroup.controllers"));
        }
        return new Doctor(() -> docker, cgroup, dir.resolve("kubeconfig"));
    }

    private static Check named(List<Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no check '" + name + "' in " + checks));
    }

    @Test
    void javaOlderThanSeventeenIsAProblemWithTheFix() {
        assertThat(Doctor.java(11).problem()).isTrue();
        assertThat(Doctor.java(11).fix()).contains("JDK 17");
        assertThat(Doctor.java(17).status()).isEqualTo(Check.Status.OK);
    }

    @Test
    void theLabsBinariesAreFoundWithTheirVersionsOrNamedMissing() throws IOException {
        List<Check> checks = doctor(false, false).checks(FixtureKind.EMBEDDED, Map.of(
                "lab-nginx-reload", Map.of(), "lab-haproxy-runtime", Map.of("binary", "/nonexistent/haproxy")),
                FixtureOptions.NONE);
        assertThat(named(checks, "nginx for lab-nginx-reload").status()).isEqualTo(Check.Status.OK);
        assertThat(named(checks, "nginx for lab-nginx-reload").detail()).matches(".*nginx nginx/\\d+\\.\\d+\\.\\d+");
        Check haproxy = named(checks, "haproxy for lab-haproxy-runtime");
        assertThat(haproxy.problem()).isTrue();
        assertThat(haproxy.detail()).contains("/nonexistent/haproxy not found");
        assertThat(checks).extracting(Check::name).as("the lab needs no Docker").doesNotContain("docker engine");
    }

    @Test
    void k3sNeedsDockerAndTheBackendImageAndCiliumNeedsCgroupV2() throws IOException {
        List<Check> noDocker = doctor(false, false).checks(FixtureKind.K3S, Map.of("cilium", Map.of()),
                FixtureOptions.NONE);
        assertThat(named(noDocker, "docker engine").problem()).isTrue();
        assertThat(named(noDocker, "docker engine").fix()).contains("bin/gateway-bench run scenarios/quickstart.yaml");
        assertThat(named(noDocker, "backend image").problem()).as("not built in this test's folder").isTrue();
        assertThat(named(noDocker, "cgroup v2").problem()).isTrue();

        List<Check> docker = doctor(true, true).checks(FixtureKind.K3S, Map.of("cilium", Map.of()), FixtureOptions.NONE);
        assertThat(named(docker, "docker engine").status()).isEqualTo(Check.Status.OK);
        assertThat(named(docker, "cgroup v2").status()).isEqualTo(Check.Status.OK);

        List<Check> withoutCilium = doctor(true, false).checks(FixtureKind.K3S, Map.of("ingress-nginx", Map.of()),
                FixtureOptions.NONE);
        assertThat(named(withoutCilium, "cgroup v2").status()).isEqualTo(Check.Status.SKIPPED);
    }

    @Test
    void anExistingClusterNeedsAContextThatIsInTheKubeconfig() throws IOException {
        Doctor doctor = doctor(false, false);
        Check none = named(doctor.checks(FixtureKind.KUBECONFIG, Map.of(), FixtureOptions.NONE), "kube context");
        assertThat(none.problem()).isTrue();
        assertThat(none.fix()).contains("--kube-context");

        Check noFile = named(doctor.checks(FixtureKind.KUBECONFIG, Map.of(), context("lab")), "kube context");
        assertThat(noFile.detail()).contains("cannot read the kubeconfig");

        kubeconfig("https://127.0.0.1:6443");
        Check other = named(doctor.checks(FixtureKind.KUBECONFIG, Map.of(), context("prod")), "kube context");
        assertThat(other.detail()).contains("context 'prod' is not in").contains("[lab]");
    }

    @Test
    void anApiServerThatDoesNotAnswerIsAProblem() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        kubeconfig("https://127.0.0.1:" + closed);
        List<Check> checks = doctor(false, false).checks(FixtureKind.KUBECONFIG, Map.of(), context("lab"));
        assertThat(named(checks, "kube context").status()).isEqualTo(Check.Status.OK);
        assertThat(named(checks, "kubernetes api").problem()).isTrue();
        assertThat(named(checks, "kubernetes api").detail()).contains("did not answer");
    }

    @Test
    void aNodePortAServiceAlreadyHasIsAProblemNamingTheService() throws IOException {
        server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("35").withGitVersion("v1.35.5").build());
        server.expect().get().withPath("/api/v1/services").andReturn(200, new ServiceListBuilder().addToItems(
                new ServiceBuilder().withNewMetadata().withName("old-ingress").withNamespace("edge").endMetadata()
                        .withNewSpec().addNewPort().withPort(80).withNodePort(30080).endPort().endSpec().build())
                .build()).always();
        kubeconfig(client.getConfiguration().getMasterUrl());

        List<Check> taken = doctor(false, false).checks(FixtureKind.KUBECONFIG, Map.of("ingress-nginx", Map.of()),
                context("lab"));
        assertThat(named(taken, "kubernetes api").detail()).contains("v1.35.5");
        Check ports = named(taken, "node ports [30080]");
        assertThat(ports.problem()).isTrue();
        assertThat(ports.detail()).contains("30080=edge/old-ingress");

        List<Check> moved = doctor(false, false).checks(FixtureKind.KUBECONFIG,
                Map.of("ingress-nginx", Map.of("nodePort", "30085")), context("lab"));
        assertThat(named(moved, "node ports [30085]").status()).isEqualTo(Check.Status.OK);
    }

    @Test
    void imagesTheNodeImportsNeedNoRegistryAndTheLabNeedsNoImages() throws IOException {
        Doctor doctor = doctor(true, true);
        assertThat(doctor.images(FixtureKind.EMBEDDED, List.of("lab-nginx-reload"), FixtureOptions.NONE, dir)).isEmpty();
        List<Check> imported = doctor.images(FixtureKind.K3S, List.of("ingress-nginx"),
                new FixtureOptions(null, dir.resolve("k3s-images"), null), dir);
        assertThat(imported).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Check.Status.SKIPPED);
            assertThat(c.detail()).contains("imports them from");
        });
    }

    @Test
    void aMirrorOfK3sRegistriesYamlReplacesItsRegistry() throws IOException {
        Path yaml = Files.writeString(dir.resolve("registries.yaml"), """
                mirrors:
                  docker.io:
                    endpoint:
                      - "https://mirror.example:5000"
                      - "https://second.example"
                  quay.io:
                    endpoint: []
                """);
        assertThat(RegistryMirrors.read(yaml)).containsExactly(Map.entry("docker.io",
                URI.create("https://mirror.example:5000")));
        assertThat(RegistryMirrors.read(null)).isEmpty();
    }

    private static FixtureOptions context(String name) {
        return new FixtureOptions(name, null, null);
    }

    private void kubeconfig(String server) throws IOException {
        Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: lab
                    cluster: {server: "SERVER", insecure-skip-tls-verify: true}
                users:
                  - name: lab
                    user: {token: not-a-secret}
                contexts:
                  - name: lab
                    context: {cluster: lab, user: lab}
                current-context: lab
                """.replace("SERVER", server));
    }
}
