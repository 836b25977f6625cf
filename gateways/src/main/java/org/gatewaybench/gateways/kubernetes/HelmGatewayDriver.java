package org.gatewaybench.gateways.kubernetes;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.core.isolation.IsolationProfile;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.preflight.Check;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.NodeRestarts;
import org.gatewaybench.fixtures.kubernetes.ApiRetries;
import org.gatewaybench.fixtures.kubernetes.ClusterVersions;
import org.gatewaybench.fixtures.kubernetes.KubernetesFixture;
import org.gatewaybench.fixtures.kubernetes.KubernetesRouteApi;
import org.gatewaybench.fixtures.kubernetes.RouteForm;
import org.gatewaybench.gateways.Component;
import org.gatewaybench.gateways.FaultInjector;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.GatewayOption;
import org.gatewaybench.gateways.InstallContext;
import org.gatewaybench.gateways.kubernetes.faults.ClusterFaults;
import org.gatewaybench.gateways.kubernetes.faults.ClusterGateway;

/**
 * A gateway installed into a Kubernetes fixture with Helm (helm-java, Helm bundled natively): a
 * pinned chart, values for a single-node cluster kept as a YAML resource per driver, a NodePort
 * for the data plane. Install waits for the release's workloads, then for the data plane to answer
 * HTTP at the NodePort. A scenario may override the chart version, the values and the NodePort.
 */
public abstract class HelmGatewayDriver implements GatewayDriver {

    /** The values the release was installed with, in the gateway's work folder. */
    static final String VALUES_FILE = "helm-values.yaml";

    public static final String OPTION_CHART_VERSION = "chartVersion";
    public static final String OPTION_VALUES = "values";
    public static final String OPTION_NODE_PORT = "nodePort";
    public static final String OPTION_SHARED_SERVICES = "sharedServices";
    public static final String OPTION_INSTALL_TIMEOUT = "installTimeout";

    /** The chart this driver installs, with its pinned version. */
    public abstract ChartRef chart();

    /** The NodePort of the data plane unless a scenario says otherwise (30080-30089, see the k3s fixture). */
    public abstract int defaultNodePort();

    /**
     * The driver's values for a single-node cluster, before the NodePort and overrides are applied:
     * the values.yaml resource beside the driver's class.
     */
    public Map<String, Object> baseValues(String namespace) {
        return HelmValues.resource(getClass(), "values.yaml");
    }

    /** {@code values} with the data plane's NodePort set where this chart takes it. */
    public abstract Map<String, Object> withNodePort(Map<String, Object> values, int nodePort);

    /** The data plane's NodePort in {@code values}, or null when it is not set (a broken override). */
    public abstract Integer nodePortIn(Map<String, Object> values);

    /** How routes are written for this gateway, once installed into {@code namespace}. */
    public abstract RouteForm routeForm(String namespace, KubernetesFixture fixture);

    /** Selectors and metrics endpoints of the installed gateway. */
    public abstract GatewayFacts facts();

    /** Which faults this gateway can take beyond kill (see {@link FaultProfile}). */
    public abstract FaultProfile faultProfile();

    /**
     * The metric names journaled from this gateway's metrics endpoints: config reloads, xDS
     * pushes, sync errors. Each endpoint's page is filtered by all of them.
     */
    public abstract Set<String> journaledMetrics();

    /**
     * What the isolation probe needs of this gateway: how each check applies, its control endpoints,
     * where a canary can be planted, its isolation-relevant settings (facts of the pinned chart and
     * controller).
     */
    public abstract IsolationFacts isolationFacts();

    @Override
    public IsolationProfile isolation(FixtureKind fixture) {
        return fixtures().contains(fixture) ? isolationFacts().profile() : IsolationProfile.none();
    }

    @Override
    public Set<FaultAction> faults(FixtureKind fixture, FaultTarget target) {
        return fixtures().contains(fixture) ? ClusterFaults.of(faultProfile()).supported(fixture, target) : Set.of();
    }

    /** Objects the chart does not create (a Gateway, an EnvoyProxy), made after the release is ready. */
    protected void afterInstall(KubernetesFixture fixture, String namespace, int nodePort) {
    }

    /**
     * Removes what {@link #afterInstall} made, before the release is uninstalled, and returns what
     * a reader of the report should know about it (nothing by default).
     */
    protected List<String> beforeUninstall(KubernetesFixture fixture, String namespace) {
        return List.of();
    }

    /** Removes what outlives {@code helm uninstall} (hook objects of the chart); nothing by default. */
    protected void afterUninstall(KubernetesFixture fixture, String namespace) {
    }

    /**
     * Whether the data plane listens only once an Ingress of its class exists (Cilium, Higress): the
     * driver then keeps a {@link SentinelRoute} of its routes' class from install to uninstall.
     */
    protected boolean listensOnlyForAnIngress() {
        return false;
    }

    /**
     * Chart values that come from this driver's own options (a registry, a webhook switch), each
     * option's text read through {@code option}; none by default.
     */
    protected Map<String, Object> optionValues(Function<GatewayOption, String> option) {
        return Map.of();
    }

    /**
     * The values this driver installs with when a scenario sets none of its options and no values
     * file: what {@link #images} renders and what the chart-key inventory lists.
     */
    public Map<String, Object> defaultValues() {
        return effectiveValues(name(), defaultNodePort(), optionValues(GatewayOption::fallback));
    }

    @Override
    public Set<FixtureKind> fixtures() {
        return Set.of(FixtureKind.K3S, FixtureKind.KUBECONFIG);
    }

    @Override
    public List<GatewayOption> options() {
        List<GatewayOption> options = new java.util.ArrayList<>(List.of(
                new GatewayOption(OPTION_CHART_VERSION, GatewayOption.Type.STRING, chart().version(),
                        "the chart version to install"),
                new GatewayOption(OPTION_VALUES, GatewayOption.Type.STRING, "",
                        "a YAML file of Helm values merged over the driver's"),
                GatewayOption.integer(OPTION_NODE_PORT, defaultNodePort(), 30_000, 32_767,
                        "the NodePort of the data plane (Kubernetes' default NodePort range)"),
                new GatewayOption(OPTION_SHARED_SERVICES, GatewayOption.Type.BOOLEAN, "true",
                        "one backend Service per tenant and backend (true) or per route (false)"),
                new GatewayOption(OPTION_INSTALL_TIMEOUT, GatewayOption.Type.DURATION, "10m",
                        "how long the install and the first data-plane answer may take")));
        options.addAll(driverOptions());
        return List.copyOf(options);
    }

    /** The options of this driver beyond those every Helm driver takes (see {@link #optionValues}). */
    protected List<GatewayOption> driverOptions() {
        return List.of();
    }

    /**
     * The values Helm gets: the driver's, the NodePort, then the scenario's file. Fails when the
     * scenario's values remove the data plane's NodePort.
     */
    public Map<String, Object> effectiveValues(String namespace, int nodePort, Map<String, Object> overrides) {
        Map<String, Object> values = HelmValues.merge(withNodePort(baseValues(namespace), nodePort), overrides);
        if (needsNodePortInValues() && !Integer.valueOf(nodePort).equals(nodePortIn(values))) {
            throw new GatewayException(name() + ": the values leave the data plane without NodePort " + nodePort
                    + " (found " + nodePortIn(values) + "); the harness reaches the gateway only through it");
        }
        return values;
    }

    /** False for a driver whose NodePort lives outside the chart values (Envoy Gateway's EnvoyProxy). */
    protected boolean needsNodePortInValues() {
        return true;
    }

    @Override
    public Gateway install(InstallContext context) {
        KubernetesFixture fixture = context.fixture().capability(KubernetesFixture.class)
                .orElseThrow(() -> new GatewayException(name() + " runs in the fixtures " + fixtures() + ", not in '"
                        + context.fixture().kind() + "'"));
        int nodePort = Integer.parseInt(context.option(option(OPTION_NODE_PORT)));
        String version = context.option(option(OPTION_CHART_VERSION));
        String valuesFile = context.option(option(OPTION_VALUES));
        boolean shared = Boolean.parseBoolean(context.option(option(OPTION_SHARED_SERVICES)));
        Duration timeout = Durations.parse(context.option(option(OPTION_INSTALL_TIMEOUT)));

        String namespace = fixture.createNamespace(name());
        Map<String, Object> overrides = HelmValues.merge(optionValues(context::option),
                valuesFile.isBlank() ? Map.of() : HelmValues.file(Path.of(valuesFile)));
        Path valuesPath = context.workDir().resolve(VALUES_FILE);
        HelmValues.write(effectiveValues(namespace, nodePort, overrides), valuesPath);

        HelmRelease release = new HelmRelease(name(), namespace, fixture.kubeconfig());
        try {
            release.install(chart(), version, valuesPath, context.workDir().resolve("helm-repositories.yaml"),
                    timeout);
            afterInstall(fixture, namespace, nodePort);
            if (listensOnlyForAnIngress()) {
                SentinelRoute.create(fixture.client(), namespace, sentinelClass(namespace, fixture),
                        fixture.ownership().labels());
            }
            DataPlaneWait.untilAnswering(fixture.nodePortAddress(nodePort), timeout);
        } catch (RuntimeException e) {
            GatewayException failure = e instanceof GatewayException g ? g
                    : new GatewayException(name() + " did not install: " + e.getMessage(), e);
            context.diagnose().collect(failure.getMessage(), dir -> release.describe(dir, context.workDir()));
            uninstallQuietly(fixture, namespace, release);
            throw failure;
        }
        KubernetesRouteApi routes = new KubernetesRouteApi(fixture.client(), fixture.ownership(),
                routeForm(namespace, fixture), shared, context.journal(), context.clock(), name(), ApiRetries.DEFAULT,
                fixture.backendEndpoints());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("chart", chart().reference());
        details.put("chartVersion", version);
        details.put("namespace", namespace);
        details.put("routeForm", routes.form().toString());
        details.put("nodePort", Integer.toString(nodePort));
        details.put("controllerSelector", facts().controllerSelector());
        details.put("dataPlaneSelector", facts().dataPlaneSelector());
        details.put("metrics", String.join("; ", facts().metrics()));
        details.put("valuesFile", valuesPath.toString());
        InetSocketAddress dataPlane = fixture.nodePortAddress(nodePort);
        FaultInjector faults = ClusterFaults.of(faultProfile()).injectorFor(new ClusterGateway(fixture.client(), name(),
                namespace, facts(), faultProfile(), fixture.ownership().labels(), fixture.capability(NodeRestarts.class),
                fixture.backendEndpoints(), dataPlane, timeout), name(), fixture.kind());
        List<Component> components = List.of(
                Component.pods("controller", FaultTarget.CONTROLLER, namespace,
                        GatewayFacts.labels(facts().controllerSelector())),
                Component.pods("data-plane", FaultTarget.DATA_PLANE, namespace,
                        GatewayFacts.labels(facts().dataPlaneSelector())));
        ClusterIsolation isolation = new ClusterIsolation(fixture, namespace, isolationFacts(),
                Map.of("gateway", name(), "chart", chart().reference(), "chartVersion", version));
        return new KubernetesGateway(name(), routes, dataPlane, details, components,
                facts().endpoints(namespace, journaledMetrics()), faults, isolation,
                dir -> release.describe(dir, context.workDir()),
                () -> versions(fixture, namespace, version),
                () -> {
                    removeOwnObjects(fixture, namespace).forEach(note -> context.journal().append(
                            new Events.Note(context.clock().now(), NoteLevel.WARNING, name(), note)));
                    release.uninstall();
                    afterUninstall(fixture, namespace);
                });
    }

    /** The chart and the version the options pin (the driver's own unless chartVersion is set). */
    @Override
    public Map<String, String> versionsHere(Map<String, String> options) {
        return Map.of("chart", chart().reference() + " " + options.getOrDefault(OPTION_CHART_VERSION, chart().version()));
    }

    /** The chart as installed and the images its pods run; an image the API cannot list is left out. */
    private Map<String, String> versions(KubernetesFixture fixture, String namespace, String version) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("chart", chart().reference() + " " + version);
        try {
            versions.putAll(ClusterVersions.images(fixture.client(), namespace));
        } catch (RuntimeException e) {
            versions.put("images", "unreadable: " + e.getMessage());
        }
        return versions;
    }

    private void uninstallQuietly(KubernetesFixture fixture, String namespace, HelmRelease release) {
        try {
            removeOwnObjects(fixture, namespace);
            release.uninstall();
            afterUninstall(fixture, namespace);
        } catch (RuntimeException suppressed) {
            // The install already failed; the fixture removes the namespace at cleanup.
        }
    }

    private List<String> removeOwnObjects(KubernetesFixture fixture, String namespace) {
        if (listensOnlyForAnIngress()) {
            SentinelRoute.delete(fixture.client(), namespace);
        }
        return beforeUninstall(fixture, namespace);
    }

    /** The Ingress class of this driver's routes, which its sentinel must share. */
    String sentinelClass(String namespace, KubernetesFixture fixture) {
        if (routeForm(namespace, fixture) instanceof RouteForm.IngressForm ingress) {
            return ingress.className();
        }
        throw new IllegalStateException(name() + " listens only for an Ingress but writes no Ingresses");
    }

    private GatewayOption option(String name) {
        return options().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    /** How long the doctor waits for a chart repository or a registry to answer. */
    private static final Duration PREFLIGHT_TIMEOUT = Duration.ofSeconds(5);

    /** The chart's repository (or the OCI registry that serves it) answers. */
    @Override
    public List<Check> preflight(Map<String, String> options) {
        Reachability network = new Reachability(PREFLIGHT_TIMEOUT);
        String name = "chart repository of " + name();
        return List.of(chart().isOci() ? network.registry(name, Reachability.registryOf(chart().reference()))
                : network.chartRepository(name, chart().repoUrl()));
    }

    /**
     * The container images the chart at {@code version} runs with this driver's values (as
     * {@code helm template} renders them), and those the gateway starts at run time
     * ({@link #imagesAtRuntime()}): what a node must pull or be given for this gateway. Needs the
     * chart repository; {@code workDir} keeps the rendered values and the repository config.
     */
    public List<String> images(String version, Path workDir) {
        Path values = workDir.resolve(name() + "-values.yaml");
        HelmValues.write(defaultValues(), values);
        Path repositories = workDir.resolve("helm-repositories.yaml");
        addRepository(chart(), repositories);
        var template = Helm.template(chart().reference()).withName(name()).withNamespace(name()).withVersion(version)
                .withValuesFile(values);
        if (!chart().isOci()) {
            template.withRepositoryConfig(repositories);
        }
        java.util.SortedSet<String> images = new java.util.TreeSet<>(ChartImages.in(template.call()));
        images.addAll(imagesAtRuntime());
        return List.copyOf(images);
    }

    /** Images the gateway's controller starts itself, outside the chart's templates (none by default). */
    protected List<String> imagesAtRuntime() {
        return List.of();
    }

    private static void addRepository(ChartRef chart, Path repositories) {
        if (!chart.isOci()) {
            Helm.repo().add().withRepositoryConfig(repositories).withName(chart.repoName())
                    .withUrl(URI.create(chart.repoUrl())).call();
        }
    }

    /** One Helm release of this driver; the kubeconfig is passed in memory, never written. */
    record HelmRelease(String name, String namespace, String kubeconfig) {

        void install(ChartRef chart, String version, Path values, Path repositories, Duration timeout) {
            addRepository(chart, repositories);
            InstallCommand install = Helm.install(chart.reference()).withName(name).withNamespace(namespace)
                    .withVersion(version).withValuesFile(values).withKubeConfigContents(kubeconfig)
                    .waitReady().withTimeout((int) timeout.toSeconds());
            if (!chart.isOci()) {
                install.withRepositoryConfig(repositories);
            }
            install.call();
        }

        void uninstall() {
            Helm.uninstall(name).withNamespace(namespace).withKubeConfigContents(kubeconfig).ignoreNotFound().call();
        }

        /**
         * Writes the release as Helm sees it (status, revision, chart, notes) and the values it was
         * installed with into {@code dir}; a part Helm cannot give is written as why. The values
         * are the harness's own file from {@code workDir} (never credentials).
         */
        List<Path> describe(Path dir, Path workDir) {
            StringBuilder text = new StringBuilder();
            try {
                Release r = Helm.status(name).withNamespace(namespace).withKubeConfigContents(kubeconfig).call();
                text.append("release ").append(r.getName()).append(" in ").append(r.getNamespace())
                        .append("\nstatus: ").append(r.getStatus()).append("\nrevision: ").append(r.getRevision())
                        .append("\nchart: ").append(r.getChart()).append(" (app ").append(r.getAppVersion())
                        .append(")\nlast deployed: ").append(r.getLastDeployed()).append("\n\n")
                        .append(r.getOutput() == null ? "" : r.getOutput());
            } catch (RuntimeException e) {
                text.append("helm status ").append(name).append(" -n ").append(namespace).append(" failed: ")
                        .append(e.getMessage()).append('\n');
            }
            List<Path> written = new ArrayList<>();
            try {
                Files.createDirectories(dir);
                written.add(Files.writeString(dir.resolve("helm-release-" + name + ".txt"), text));
                Path values = workDir.resolve(VALUES_FILE);
                if (Files.isRegularFile(values)) {
                    written.add(Files.copy(values, dir.resolve("helm-values-" + name + ".yaml"),
                            StandardCopyOption.REPLACE_EXISTING));
                }
            } catch (IOException e) {
                // Diagnostics never fail a run; what could not be written is simply absent.
            }
            return written;
        }
    }
}
