package org.gatewaybench.scenarios.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.kubernetes.HelmGatewayDriver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "images", mixinStandardHelpOptions = true,
        description = "Prints the container images the k3s node runs for the given real gateways (their pinned charts "
                + "rendered with the drivers' values, and what their controllers start), one per line, so that they "
                + "can be pulled once, cached and handed to the node with `run --k3s-images`. Needs the charts' "
                + "repositories.")
final class ImagesCommand implements Callable<Integer> {

    @Option(names = "--gateways", split = ",", required = true, paramLabel = "NAME[,NAME...]",
            description = "the Kubernetes gateway drivers (see `gateway-bench gateways`)")
    List<String> gateways;

    @Override
    public Integer call() throws Exception {
        TreeSet<String> images = new TreeSet<>();
        Path work = Files.createTempDirectory("gateway-bench-images");
        try {
            return list(images, work);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private int list(TreeSet<String> images, Path work) {
        for (String name : gateways) {
            GatewayDriver driver = GatewayCatalog.find(name).orElse(null);
            if (!(driver instanceof HelmGatewayDriver helm)) {
                System.err.println("images: '" + name + "' is not a Kubernetes gateway driver; expected one of "
                        + GatewayCatalog.all().stream().filter(HelmGatewayDriver.class::isInstance)
                        .map(GatewayDriver::name).toList());
                return ExitCode.BAD_INPUT;
            }
            images.addAll(helm.images(helm.chart().version(), work));
        }
        images.forEach(System.out::println);
        return ExitCode.OK;
    }
}
