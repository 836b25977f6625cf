package org.gatewaybench.gateways.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart-key facts read from a small chart written here, in the ways real charts read their values. */
class ChartKeyInventoryTest {

    @TempDir
    Path chart;

    @BeforeEach
    void writeChart() throws IOException {
        write("Chart.yaml", """
                apiVersion: v2
                name: gate
                version: 1.2.3
                dependencies:
                  - name: gate-controller
                    version: 0.4.0
                    alias: controller
                    condition: controller.enabled
                """);
        write("values.yaml", """
                replicaCount: 2
                service:
                  type: LoadBalancer
                  nodePorts:
                    http: ""
                extraArgs: {}
                resources:
                  requests:
                    cpu: 100m
                unused: true
                global:
                  hub: registry.example
                controller:
                  enabled: false
                """);
        write("templates/deployment.yaml", """
                replicas: {{ .Values.replicaCount }}
                image: {{ .Values.global.hub }}/gate
                args: {{- range $k, $v := .Values.extraArgs }} --{{ $k }}={{ $v }}{{ end }}
                resources: {{- toYaml .Values.resources | nindent 2 }}
                replicasElsewhere: {{ .Values.replicaCountOfOthers }}
                """);
        write("templates/service.yaml", """
                {{- with .Values.service }}
                type: {{ .type }}
                nodePort: {{ .nodePorts.http }}
                {{- end }}
                hostPort: {{ .Values.service.hostPort }}
                {{- if (index .Values "controller" "enabled") }}stream: on{{ end }}
                """);
        write("charts/gate-controller/Chart.yaml", "apiVersion: v2\nname: gate-controller\nversion: 0.4.0\n");
        write("charts/gate-controller/values.yaml", "provider:\n  type: etcd\nwebhook: true\n");
        write("charts/gate-controller/templates/config.yaml", """
                provider: {{ .Values.provider.type }}
                hub: {{ .Values.global.hub }}
                """);
    }

    private void write(String name, String text) throws IOException {
        Path file = chart.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private ChartKeyInventory.Entry entry(String key) {
        return ChartKeyInventory.read(chart, "repo/gate", List.of(key)).entry(key);
    }

    @Test
    void aKeyReadByItsPathHasItsDefaultAndTemplate() {
        assertThat(entry("replicaCount")).isEqualTo(new ChartKeyInventory.Entry("replicaCount", "2",
                List.of("templates/deployment.yaml")));
        assertThat(entry("service.nodePorts.http").fallback()).isEqualTo("\"\"");
    }

    @Test
    void aKeyReadThroughAParentIsMarked() {
        assertThat(entry("service.type").readBy()).containsExactly("~templates/service.yaml");
        assertThat(entry("service.nodePorts.http").readBy()).containsExactly("~templates/service.yaml");
        assertThat(entry("resources.requests.cpu").readBy()).as("rendered whole with toYaml")
                .containsExactly("~templates/deployment.yaml");
    }

    @Test
    void aKeyTemplatesReadButValuesYamlLacksSaysSo() {
        assertThat(entry("service.hostPort")).isEqualTo(new ChartKeyInventory.Entry("service.hostPort",
                ChartKeyInventory.NOT_DECLARED, List.of("templates/service.yaml")));
    }

    @Test
    void aKeyNoTemplateReadsIsDeadAndAMisspeltOneToo() {
        assertThat(entry("unused").dead()).isTrue();
        assertThat(entry("replicaCont")).isEqualTo(new ChartKeyInventory.Entry("replicaCont",
                ChartKeyInventory.NOT_DECLARED, List.of()));
        assertThat(entry("replicaCount.x").dead()).as("a longer name is not the same key").isTrue();
    }

    @Test
    void aKeyUnderAFreeFormMapTakesTheMapsReaders() {
        ChartKeyInventory.Entry entry = entry("extraArgs.v");
        assertThat(entry.fallback()).isEqualTo(ChartKeyInventory.FREE_FORM + "extraArgs");
        assertThat(entry.readBy()).containsExactly("templates/deployment.yaml");
    }

    @Test
    void subchartKeysAreReadUnderTheirAliasWithTheConditionAndIndexForm() {
        assertThat(entry("controller.provider.type")).isEqualTo(new ChartKeyInventory.Entry(
                "controller.provider.type", "etcd", List.of("charts/gate-controller/templates/config.yaml")));
        assertThat(entry("controller.enabled")).as("the parent's values.yaml sets it; its Chart.yaml and a template "
                + "read it").isEqualTo(new ChartKeyInventory.Entry("controller.enabled", "false",
                List.of("Chart.yaml", "templates/service.yaml")));
        assertThat(entry("controller.webhook").dead()).isTrue();
    }

    @Test
    void globalKeysAreSharedWithEverySubchart() {
        assertThat(entry("global.hub")).isEqualTo(new ChartKeyInventory.Entry("global.hub", "registry.example",
                List.of("templates/deployment.yaml", "charts/gate-controller/templates/config.yaml")));
    }

    @Test
    void theTextFormReadsBackAndNamesItsBadLines() {
        ChartKeyInventory inventory = ChartKeyInventory.read(chart, "repo/gate",
                List.of("replicaCount", "unused", "global.hub"));
        assertThat(inventory.version()).isEqualTo("1.2.3");
        String text = inventory.text(List.of("facts of a test chart"));
        assertThat(text).startsWith("# facts of a test chart\nchart\trepo/gate\t1.2.3\n");
        assertThat(ChartKeyInventory.parse(text, "t.tsv")).isEqualTo(inventory);
        assertThatThrownBy(() -> ChartKeyInventory.parse("chart\tr\t1\nkey only\n", "t.tsv"))
                .hasMessage("t.tsv:2: expected 3 tab-separated cells, found 1");
        assertThatThrownBy(() -> ChartKeyInventory.parse("a\tb\tc\n", "t.tsv"))
                .hasMessageContaining("t.tsv:1: expected the line 'chart<TAB>reference<TAB>version' first");
    }

    @Test
    void aFolderWithoutTheChartOrItsSubchartsIsRefused() throws IOException {
        assertThatThrownBy(() -> ChartKeyInventory.read(chart.resolve("templates"), "r", List.of()))
                .hasMessageContaining("is not an unpacked Helm chart: it has no Chart.yaml");
        Files.delete(chart.resolve("charts/gate-controller/templates/config.yaml"));
        Files.delete(chart.resolve("charts/gate-controller/templates"));
        Files.delete(chart.resolve("charts/gate-controller/values.yaml"));
        Files.delete(chart.resolve("charts/gate-controller/Chart.yaml"));
        Files.delete(chart.resolve("charts/gate-controller"));
        assertThatThrownBy(() -> ChartKeyInventory.read(chart, "r", List.of()))
                .hasMessageContaining("depends on chart gate-controller but")
                .hasMessageContaining("unpack the subcharts");
    }
}
