package org.gatewaybench.scenarios.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.kubernetes.ChartKeyInventory;
import org.gatewaybench.gateways.kubernetes.HelmGatewayDriver;
import org.gatewaybench.gateways.kubernetes.HelmValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "chart-keys", mixinStandardHelpOptions = true,
        description = "Prints, for a Kubernetes gateway driver, each Helm value key it sets with the key's default and "
                + "the templates that read it, read from the chart unpacked at the driver's pinned version (`helm pull "
                + "REPO/CHART --version V --untar`, subcharts unpacked under charts/, or the chart folder of a git "
                + "checkout at the release tag). Its output is the test resource "
                + "gateways/src/test/resources/chart-keys/GATEWAY.tsv; regenerate it when a pin moves.")
final class ChartKeysCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "GATEWAY", description = "a Kubernetes gateway driver (see `gateway-bench gateways`)")
    String gateway;

    @Option(names = "--chart-dir", required = true, paramLabel = "DIR",
            description = "the unpacked chart (the folder holding Chart.yaml)")
    Path chartDir;

    @Option(names = "--chart-version", paramLabel = "VERSION",
            description = "the chart's version when its Chart.yaml does not say it (a git checkout of a chart whose "
                    + "version is set when it is packaged, like Envoy Gateway's)")
    String chartVersion;

    @Option(names = "--source", paramLabel = "TEXT",
            description = "where the chart came from, written as a comment (e.g. the tag or the helm pull command)")
    String source;

    @Override
    public Integer call() {
        GatewayDriver driver = GatewayCatalog.find(gateway).orElse(null);
        if (!(driver instanceof HelmGatewayDriver helm)) {
            System.err.println("chart-keys: '" + gateway + "' is not a Kubernetes gateway driver; expected one of "
                    + GatewayCatalog.all().stream().filter(HelmGatewayDriver.class::isInstance)
                    .map(GatewayDriver::name).toList());
            return ExitCode.BAD_INPUT;
        }
        if (!Files.isRegularFile(chartDir.resolve("Chart.yaml"))) {
            System.err.println("chart-keys: --chart-dir " + chartDir + ": expected an unpacked Helm chart (a folder "
                    + "with Chart.yaml), found none");
            return ExitCode.BAD_INPUT;
        }
        ChartKeyInventory read = ChartKeyInventory.read(chartDir, helm.chart().reference(),
                HelmValues.leafPaths(helm.defaultValues()));
        ChartKeyInventory inventory = chartVersion == null ? read
                : new ChartKeyInventory(read.reference(), chartVersion, read.entries());
        if (!inventory.version().equals(helm.chart().version())) {
            System.err.println("chart-keys: warning: " + chartDir + " is chart version " + inventory.version()
                    + ", the driver pins " + helm.chart().version());
        }
        System.out.print(inventory.text(List.of(
                "The Helm value keys the " + gateway + " driver sets, with their defaults and the templates that read",
                "them (~: through a parent key), read from the chart at its pinned version. Facts, not a copy.",
                "source: " + (source == null ? chartDir.getFileName() : source),
                "regenerate: bin/gateway-bench chart-keys " + gateway + " --chart-dir DIR --source TEXT > THIS_FILE")));
        return ExitCode.OK;
    }
}
