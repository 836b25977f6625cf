package org.gatewaybench.scenarios.doctor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.gatewaybench.core.preflight.Check;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.k3s.K3sPreflight;
import org.gatewaybench.fixtures.k3s.K3sSettings;
import org.gatewaybench.fixtures.kubeconfig.KubeconfigPreflight;
import org.gatewaybench.fixtures.kubeconfig.KubeconfigSettings;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.kubernetes.HelmGatewayDriver;
import org.gatewaybench.gateways.kubernetes.Reachability;
import org.gatewaybench.scenarios.model.Scenario;
import org.gatewaybench.scenarios.run.FixtureOptions;

/**
 * The checks of what a run of some gateways on a fixture needs here, each with what was found and
 * the fix: Java, then the fixture's (Docker and cgroups for k3s; the context, API and NodePorts of
 * an existing cluster), then each gateway's (its binary in the lab; its chart repository). Used by
 * {@code gateway-bench doctor} and, with the same words, by {@code run} before anything starts.
 */
public final class Doctor {

    private static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(5);

    /** The Java feature release the harness is built for. */
    static final int JAVA_NEEDED = 17;

    private final BooleanSupplier docker;
    private final Path cgroupRoot;
    private final Path kubeconfig;

    /**
     * @param docker     whether a Docker engine answers
     * @param cgroupRoot where cgroups are mounted
     * @param kubeconfig the kubeconfig file the kubeconfig fixture reads
     */
    public Doctor(BooleanSupplier docker, Path cgroupRoot, Path kubeconfig) {
        this.docker = docker;
        this.cgroupRoot = cgroupRoot;
        this.kubeconfig = kubeconfig;
    }

    /** This machine as it is: Testcontainers' Docker discovery, /sys/fs/cgroup, $KUBECONFIG or ~/.kube/config. */
    public static Doctor ofThisMachine() {
        return new Doctor(() -> org.testcontainers.DockerClientFactory.instance().isDockerAvailable(),
                Path.of("/sys/fs/cgroup"), KubeconfigSettings.defaultKubeconfig());
    }

    /**
     * The checks for {@code gateways} (driver name to the scenario's options for it, known drivers
     * only) on {@code fixture}.
     */
    public List<Check> checks(FixtureKind fixture, Map<String, Map<String, String>> gateways, FixtureOptions options) {
        List<Check> checks = new ArrayList<>();
        checks.add(java(Runtime.version().feature()));
        switch (fixture) {
            case EMBEDDED -> { }
            case K3S -> checks.addAll(K3sPreflight.checks(K3sSettings.forGateways(gateways.keySet(),
                    K3sSettings.BACKEND_IMAGE_TAR).withImages(options.k3sImages(), options.registries()), docker,
                    cgroupRoot));
            case KUBECONFIG -> checks.addAll(KubeconfigPreflight.checks(new KubeconfigSettings(kubeconfig,
                    options.kubeContext(), K3sSettings.BACKEND_IMAGE, null), nodePorts(gateways)));
        }
        gateways.forEach((name, driverOptions) -> checks.addAll(driver(name).preflight(driverOptions)));
        return checks;
    }

    /** The problems among the checks a run of {@code scenario} needs: none when it can start. */
    public List<Check> problems(Scenario scenario, FixtureOptions options) {
        Map<String, Map<String, String>> gatewayOptions = new LinkedHashMap<>();
        scenario.gateways().forEach(g -> gatewayOptions.put(g.name(), g.options()));
        return checks(scenario.fixture(), gatewayOptions, options).stream().filter(Check::problem).toList();
    }

    /**
     * Whether the node can pull each real gateway's images: the registries of the images its pinned
     * chart renders (and its controller starts) answer, Docker Hub's through the mirror when one is
     * given. Slow (each chart is fetched and rendered), so {@code doctor} runs it and {@code run} does
     * not; nothing to check when the node gets its images from {@code --k3s-images}.
     */
    public List<Check> images(FixtureKind fixture, Collection<String> gateways, FixtureOptions options,
                              Path workDir) {
        List<Check> checks = new ArrayList<>();
        if (fixture == FixtureKind.EMBEDDED) {
            return checks;
        }
        if (options.k3sImages() != null) {
            checks.add(Check.skipped("images", "the node imports them from " + options.k3sImages()));
            return checks;
        }
        Reachability network = new Reachability(REGISTRY_TIMEOUT);
        Map<String, URI> mirrors = RegistryMirrors.read(options.registries());
        Set<String> registries = new TreeSet<>();
        for (String name : gateways) {
            if (driver(name) instanceof HelmGatewayDriver helm) {
                try {
                    helm.images(helm.chart().version(), workDir).forEach(i -> registries.add(Reachability.registryOf(i)));
                } catch (RuntimeException e) {
                    checks.add(Check.skipped("images of " + name, "the chart could not be rendered: " + e.getMessage()));
                }
            }
        }
        for (String registry : registries) {
            URI mirror = mirrors.get(registry);
            checks.add(mirror != null ? network.registryAt("images from " + registry + " (mirror " + mirror + ")", mirror)
                    : network.registry("images from " + registry, registry));
        }
        return checks;
    }

    static Check java(int feature) {
        return feature >= JAVA_NEEDED ? Check.ok("java", "Java " + feature)
                : Check.problem("java", "Java " + feature + ", the harness needs " + JAVA_NEEDED + " or later",
                "install a JDK " + JAVA_NEEDED + "+ (apt-get install openjdk-17-jdk-headless) and put it first on PATH");
    }

    /** The NodePort each Helm gateway will take: its option, or the driver's default. */
    private static List<Integer> nodePorts(Map<String, Map<String, String>> gateways) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        gateways.forEach((name, options) -> {
            if (driver(name) instanceof HelmGatewayDriver helm) {
                ports.put(name, Integer.parseInt(options.getOrDefault(HelmGatewayDriver.OPTION_NODE_PORT,
                        Integer.toString(helm.defaultNodePort()))));
            }
        });
        return List.copyOf(ports.values());
    }

    private static GatewayDriver driver(String name) {
        return GatewayCatalog.find(name).orElseThrow(() -> new IllegalArgumentException("no gateway driver " + name));
    }
}
