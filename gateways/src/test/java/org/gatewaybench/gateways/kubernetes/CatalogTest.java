package org.gatewaybench.gateways.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.RecordingJournal;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.fixtures.Fixture;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.k3s.K3sSettings;
import org.gatewaybench.fixtures.kubernetes.RouteForm;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.InstallContext;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static final List<String> REAL = List.of("ingress-nginx", "apisix", "envoy-gateway", "cilium", "higress");

    @Test
    void theFiveRealGatewaysAreRegisteredForTheKubernetesFixtures() {
        for (String name : REAL) {
            GatewayDriver driver = GatewayCatalog.find(name).orElseThrow();
            assertThat(driver.fixtures()).containsExactlyInAnyOrder(FixtureKind.K3S, FixtureKind.KUBECONFIG);
            assertThat(driver.options()).extracting(o -> o.name())
                    .contains("chartVersion", "values", "nodePort", "sharedServices", "installTimeout");
        }
        // The k3s fixture knows exactly these (it picks its flags from them).
        assertThat(K3sSettings.GATEWAYS).containsExactlyInAnyOrderElementsOf(REAL);
    }

    @Test
    void eachDriverHasADistinctNodePortAndPinnedChart() {
        List<HelmGatewayDriver> drivers = DriverValuesTest.drivers().toList();
        assertThat(drivers).extracting(HelmGatewayDriver::defaultNodePort).doesNotHaveDuplicates();
        assertThat(drivers).allSatisfy(d -> assertThat(d.chart().version()).matches("v?\\d+\\.\\d+\\.\\d+"));
    }

    @Test
    void routeFormsMatchEachGatewaysApi() {
        assertThat(form("ingress-nginx")).isEqualTo(new RouteForm.IngressForm("nginx"));
        assertThat(form("apisix")).isEqualTo(new RouteForm.IngressForm("apisix",
                RouteForm.CrossTenantReference.SVC_NAMESPACE_ANNOTATION));
        assertThat(form("cilium")).isEqualTo(new RouteForm.IngressForm("cilium"));
        assertThat(form("higress")).isEqualTo(new RouteForm.IngressForm("higress",
                RouteForm.CrossTenantReference.DESTINATION_ANNOTATION));
        assertThat(form("envoy-gateway")).isInstanceOf(RouteForm.HttpRouteForm.class);
    }

    private static RouteForm form(String name) {
        return ((HelmGatewayDriver) GatewayCatalog.find(name).orElseThrow()).routeForm("ns", null);
    }

    @Test
    void installingIntoTheEmbeddedLabIsRefusedByName() {
        Fixture embedded = new Fixture() {
            @Override
            public FixtureKind kind() {
                return FixtureKind.EMBEDDED;
            }

            @Override
            public void start() {
            }

            @Override
            public List<Backend> startBackends(int count) {
                throw new UnsupportedOperationException("no backends in this test");
            }

            @Override
            public void close() {
            }
        };
        GatewayDriver nginx = GatewayCatalog.find("ingress-nginx").orElseThrow();
        InstallContext context = new InstallContext(embedded, new RecordingJournal(), Clock.SYSTEM, Map.of(),
                List.of(), Path.of("target"));
        assertThatThrownBy(() -> nginx.install(context)).isInstanceOf(GatewayException.class)
                .hasMessageContaining("ingress-nginx runs in the fixtures").hasMessageContaining("not in 'embedded'");
    }
}
