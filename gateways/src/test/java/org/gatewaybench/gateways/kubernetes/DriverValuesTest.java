package org.gatewaybench.gateways.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drivers' Helm values as data, checked against a trimmed copy of each chart's upstream
 * values.yaml (test resources upstream-values/): a key the chart does not have, or a data plane
 * without its NodePort, fails here rather than in a nightly run.
 */
class DriverValuesTest {

    /**
     * Keys a driver sets that are deliberately not in the chart's values.yaml, each with where the
     * chart reads it: templates that read undeclared values, and subchart values of a version the
     * search index did not hold.
     */
    private static final Map<String, Set<String>> NOT_IN_VALUES_YAML = Map.of(
            "apisix", Set.of(
                    "service.http.nodePort", // read by templates/service-gateway.yaml when service.type is NodePort
                    "ingress-controller.config.provider.type", // apisix-ingress-controller 2.x subchart values
                    "ingress-controller.apisix.adminService.namespace",
                    "ingress-controller.gatewayProxy.createDefault"));

    static Stream<HelmGatewayDriver> drivers() {
        return GatewayCatalog.all().stream().filter(HelmGatewayDriver.class::isInstance)
                .map(HelmGatewayDriver.class::cast);
    }

    private static Map<String, Object> upstream(HelmGatewayDriver driver) {
        return HelmValues.resource(DriverValuesTest.class, "/upstream-values/" + driver.name() + ".yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void everyKeyADriverSetsExistsInItsChart(HelmGatewayDriver driver) {
        Map<String, Object> values = driver.effectiveValues("gb-ns", driver.defaultNodePort(), Map.of());
        List<String> unknown = ChartKeys.unknown(values, upstream(driver));
        unknown.removeAll(NOT_IN_VALUES_YAML.getOrDefault(driver.name(), Set.of()));
        assertThat(unknown).as("keys %s sets that chart %s does not have", driver.name(), driver.chart().reference())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void theDataPlaneHasItsNodePortAndAScenarioCanMoveIt(HelmGatewayDriver driver) {
        if (driver.name().equals("envoy-gateway")) {
            return; // its NodePort is in the EnvoyProxy: EnvoyGatewayObjectsTest
        }
        assertThat(driver.nodePortIn(driver.effectiveValues("ns", driver.defaultNodePort(), Map.of())))
                .isEqualTo(driver.defaultNodePort());
        assertThat(driver.nodePortIn(driver.effectiveValues("ns", 30089, Map.of()))).isEqualTo(30089);
        assertThat(driver.defaultNodePort()).isBetween(30080, 30089);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void valuesWithoutTheNodePortAreRefusedAtInstall(HelmGatewayDriver driver) {
        if (driver.name().equals("envoy-gateway")) {
            return;
        }
        Map<String, Object> values = driver.effectiveValues("ns", driver.defaultNodePort(), Map.of());
        assertThat(driver.nodePortIn(values)).isNotNull();
        // A scenario override that turns the data-plane Service into a LoadBalancer loses the NodePort.
        String typePath = HelmValues.leafPaths(values).stream().filter(p -> p.endsWith("service.type"))
                .filter(p -> "NodePort".equals(HelmValues.get(values, p))).findFirst().orElseThrow();
        Map<String, Object> override = HelmValues.with(Map.of(), typePath, "LoadBalancer");
        assertThatThrownBy(() -> driver.effectiveValues("ns", driver.defaultNodePort(), override))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("leave the data plane without NodePort " + driver.defaultNodePort());
    }

    @Test
    void theKeyCheckCatchesAMisspeltKey() {
        HelmGatewayDriver nginx = (HelmGatewayDriver) GatewayCatalog.find("ingress-nginx").orElseThrow();
        Map<String, Object> values = HelmValues.with(nginx.effectiveValues("ns", 30080, Map.of()),
                "controller.servce.type", "NodePort");
        assertThat(ChartKeys.unknown(values, upstream(nginx))).containsExactly("controller.servce.type");
    }

    @Test
    void freeFormMapsOfAChartAcceptAnyKey() {
        Map<String, Object> chart = Map.of("controller", Map.of("extraArgs", Map.of(), "kind", "Deployment"));
        assertThat(ChartKeys.unknown(Map.of("controller", Map.of("extraArgs", Map.of("v", 2))), chart)).isEmpty();
        assertThat(ChartKeys.unknown(Map.of("controller", Map.of("kind", Map.of("x", 1))), chart))
                .containsExactly("controller.kind.x");
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
}
