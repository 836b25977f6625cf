package org.gatewaybench.scenarios.doctor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.gatewaybench.scenarios.run.FixtureOptions;

/**
 * The checks of what a run of some gateways on a fixture needs here, each with what was found and
 * the fix: Java, then the fixture's (Docker and cgroups for k3s; the context, API and NodePorts of
 * an existing cluster), then each gateway's (its binary in the lab; its chart repository). Used by
 * {@code gateway-bench doctor} and, with the same words, by {@code run} before anything starts.
 */
public final class Doctor {

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
