package org.gatewaybench.gateways.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gatewaybench.fixtures.k3s.K3sSettings;
import org.gatewaybench.fixtures.kubernetes.Ownership;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.kubernetes.envoygateway.EnvoyGatewayDriver;
import org.gatewaybench.gateways.kubernetes.higress.HigressDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drivers' Helm values as data, checked against the facts of each chart at its pinned version
 * (test resources chart-keys/, written by {@code gateway-bench chart-keys}): a key the chart does not
 * read, or a data plane without its NodePort at the chart's key, fails here rather than in a
 * nightly run.
 */
class DriverValuesTest {

    /** A NodePort a scenario may choose instead of the driver's default. */
    private static final int MOVED_PORT = 30089;

    /** What holds the data plane's NodePort: the chart values, or the EnvoyProxy the driver creates. */
    enum Holder {
        VALUES, ENVOY_PROXY;

        Map<String, Object> of(HelmGatewayDriver driver, int nodePort) {
            return this == VALUES ? driver.effectiveValues("ns", nodePort, Map.of())
                    : EnvoyGatewayDriver.envoyProxy("ns", new Ownership("gbtest01", "gbtest01-"), nodePort).get("spec");
        }
    }

    /**
     * Where the data plane's Service type and NodePort are set, written here from each chart's
     * values and Service template at the driver's pinned version (and Envoy Gateway's EnvoyProxy
     * API), not taken from the drivers: a driver writing the port under a wrong key fails.
     * {@code ports[port=80]} is the entry of the list {@code ports} whose {@code port} is 80.
     */
    private static final Map<String, NodePortKeys> NODE_PORT_KEYS = Map.of(
            "ingress-nginx", new NodePortKeys(Holder.VALUES, "controller.service.type",
                    "controller.service.nodePorts.http"),
            "apisix", new NodePortKeys(Holder.VALUES, "service.type", "service.http.nodePort"),
            "cilium", new NodePortKeys(Holder.VALUES, "ingressController.service.type",
                    "ingressController.service.insecureNodePort"),
            "higress", new NodePortKeys(Holder.VALUES, "higress-core.gateway.service.type",
                    "higress-core.gateway.service.ports[port=80].nodePort"),
            "envoy-gateway", new NodePortKeys(Holder.ENVOY_PROXY, "provider.kubernetes.envoyService.type",
                    "provider.kubernetes.envoyService.patch.value.spec.ports[port=80].nodePort"));

    record NodePortKeys(Holder holder, String typeKey, String portKey) {
    }

    private static final Pattern LIST_ENTRY = Pattern.compile("(.+)\\[(.+)=(.+)]");

    static Stream<HelmGatewayDriver> drivers() {
        return GatewayCatalog.all().stream().filter(HelmGatewayDriver.class::isInstance)
                .map(HelmGatewayDriver.class::cast);
    }

    static Stream<HelmGatewayDriver> driversWithTheNodePortInTheirValues() {
        return drivers().filter(d -> NODE_PORT_KEYS.get(d.name()).holder() == Holder.VALUES);
    }

    private static ChartKeyInventory inventory(HelmGatewayDriver driver) {
        String name = "/chart-keys/" + driver.name() + ".tsv";
        try (var in = DriverValuesTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return ChartKeyInventory.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void theInventoryIsOfThePinnedChart(HelmGatewayDriver driver) {
        ChartKeyInventory inventory = inventory(driver);
        assertThat(inventory.reference() + " " + inventory.version())
                .as("chart-keys/%s.tsv is of another chart or version than the driver pins: regenerate it with "
                        + "`gateway-bench chart-keys %s`", driver.name(), driver.name())
                .isEqualTo(driver.chart().reference() + " " + driver.chart().version());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void everyKeyADriverSetsIsReadByItsChart(HelmGatewayDriver driver) {
        ChartKeyInventory inventory = inventory(driver);
        List<String> keys = HelmValues.leafPaths(driver.defaultValues());
        assertThat(keys).as("keys %s sets that chart-keys/%s.tsv does not list (regenerate it)", driver.name(),
                driver.name()).allMatch(key -> inventory.entry(key) != null);
        assertThat(keys).as("keys %s sets that no template of %s reads", driver.name(), driver.chart().reference())
                .noneMatch(key -> inventory.entry(key).dead());
        assertThat(inventory.entries()).extracting(ChartKeyInventory.Entry::key)
                .as("keys chart-keys/%s.tsv lists that the driver no longer sets (regenerate it)", driver.name())
                .containsExactlyInAnyOrderElementsOf(keys);
    }

    /** The options' values are part of what the check covers (the webhook switch, the registry). */
    @Test
    void driverOptionsSetChartKeys() {
        assertThat(HelmValues.get(driver("ingress-nginx").defaultValues(), "controller.admissionWebhooks.enabled"))
                .isEqualTo(true);
        assertThat(HelmValues.get(driver("higress").defaultValues(), "global.hub"))
                .isEqualTo(HigressDriver.HUB.fallback());
        assertThat(inventory(driver("ingress-nginx")).entry("controller.admissionWebhooks.enabled").fallback())
                .as("the chart's own default, which the option keeps").isEqualTo("true");
    }

    private static HelmGatewayDriver driver(String name) {
        return (HelmGatewayDriver) GatewayCatalog.find(name).orElseThrow();
    }

    @Test
    void everyHelmDriverHasItsNodePortKeysListedHere() {
        assertThat(drivers().map(HelmGatewayDriver::name)).containsExactlyInAnyOrderElementsOf(NODE_PORT_KEYS.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void theDataPlaneIsANodePortAtTheChartsKeyAndAScenarioCanMoveIt(HelmGatewayDriver driver) {
        NodePortKeys keys = NODE_PORT_KEYS.get(driver.name());
        assertThat(K3sSettings.NODE_PORTS).as("node ports the k3s fixture publishes").contains(driver.defaultNodePort());
        for (int port : List.of(driver.defaultNodePort(), MOVED_PORT)) {
            Map<String, Object> holder = keys.holder().of(driver, port);
            assertThat(at(holder, keys.typeKey())).as("%s %s", keys.holder(), keys.typeKey()).isEqualTo("NodePort");
            assertThat(at(holder, keys.portKey())).as("%s %s", keys.holder(), keys.portKey()).isEqualTo(port);
            if (keys.holder() == Holder.VALUES) {
                assertThat(driver.nodePortIn(holder)).as("the NodePort as the driver reads it back").isEqualTo(port);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("driversWithTheNodePortInTheirValues")
    void valuesWithoutTheNodePortAreRefusedAtInstall(HelmGatewayDriver driver) {
        // A scenario override that turns the data-plane Service into a LoadBalancer loses the NodePort.
        Map<String, Object> override = HelmValues.with(Map.of(), NODE_PORT_KEYS.get(driver.name()).typeKey(),
                "LoadBalancer");
        assertThatThrownBy(() -> driver.effectiveValues("ns", driver.defaultNodePort(), override))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("leave the data plane without NodePort " + driver.defaultNodePort());
    }

    /** Envoy Gateway's chart values do not hold the NodePort, so no override of them can lose it. */
    @Test
    void envoyGatewaysValuesDoNotDependOnTheNodePortAndAnyOverrideIsTaken() {
        HelmGatewayDriver envoy = driver("envoy-gateway");
        Map<String, Object> values = envoy.effectiveValues("ns", envoy.defaultNodePort(), Map.of());
        assertThat(envoy.effectiveValues("ns", MOVED_PORT, Map.of())).isEqualTo(values);
        assertThat(envoy.nodePortIn(values)).isNull();
        Map<String, Object> override = HelmValues.with(Map.of(), "config.envoyGateway.logging.level.default", "debug");
        assertThat(envoy.effectiveValues("ns", envoy.defaultNodePort(), override))
                .isEqualTo(HelmValues.merge(values, override));
    }

    @Test
    void scenarioValuesMergeOverTheDriversLikeHelm() {
        Map<String, Object> base = Map.of("a", Map.of("b", 1, "c", List.of(1, 2)), "d", "x");
        Map<String, Object> merged = HelmValues.merge(base, Map.of("a", Map.of("c", List.of(3)), "e", true));
        assertThat(HelmValues.get(merged, "a.b")).isEqualTo(1);
        assertThat(HelmValues.get(merged, "a.c")).isEqualTo(List.of(3));
        assertThat(HelmValues.get(merged, "d")).isEqualTo("x");
        assertThat(HelmValues.get(merged, "e")).isEqualTo(true);
    }

    /** The value at {@code path} (see {@link #NODE_PORT_KEYS} for list entries), or null. */
    private static Object at(Map<String, Object> root, String path) {
        Object node = root;
        for (String part : path.split("\\.")) {
            Matcher entry = LIST_ENTRY.matcher(part);
            String key = entry.matches() ? entry.group(1) : part;
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
            if (entry.matches()) {
                node = node instanceof List<?> list ? list.stream()
                        .filter(e -> e instanceof Map<?, ?> m && String.valueOf(m.get(entry.group(2))).equals(entry.group(3)))
                        .findFirst().orElse(null) : null;
            }
        }
        return node;
    }
}
