package org.gatewaybench.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gatewaybench.core.Word;
import org.gatewaybench.core.preflight.Check;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.scenarios.doctor.Doctor;
import org.gatewaybench.scenarios.run.FixtureOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Checks what a run needs on this machine before it starts, one line each with what was found "
                + "and the fix: Java; for the lab nginx and HAProxy; for k3s a Docker engine, the backend image and "
                + "cgroup v2 (Cilium); for an existing cluster the context, the API and free NodePorts; each real "
                + "gateway's chart repository and the registries of its images (Docker Hub's through --registry-mirror). "
                + "Exit 0 when nothing is a problem, 1 otherwise. `run` performs the same checks for its scenario "
                + "(all but the images) and stops before anything starts.")
final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--fixture", paramLabel = "NAME", defaultValue = FixtureKind.DEFAULT_WORD,
            description = "embedded (default), k3s or kubeconfig")
    String fixture;

    @Option(names = "--gateways", split = ",", paramLabel = "NAME[,NAME...]",
            description = "the gateways to check for (default: every gateway that runs on the fixture)")
    List<String> gateways;

    @Option(names = "--kube-context", paramLabel = "CONTEXT", description = "with --fixture kubeconfig: the context")
    String kubeContext;

    @Option(names = "--k3s-images", paramLabel = "DIR", description = "with --fixture k3s: as for run")
    Path k3sImages;

    @Option(names = "--registry-mirror", paramLabel = "FILE", description = "with --fixture k3s: as for run")
    Path registries;

    @Override
    public Integer call() throws IOException {
        FixtureKind kind;
        try {
            kind = Word.parse(FixtureKind.class, fixture);
        } catch (IllegalArgumentException e) {
            System.err.println("doctor: --fixture: expected one of " + Word.words(FixtureKind.class) + ", found '"
                    + fixture + "'");
            return ExitCode.BAD_INPUT;
        }
        Map<String, Map<String, String>> chosen = new LinkedHashMap<>();
        List<String> names = gateways != null ? gateways : GatewayCatalog.all().stream()
                .filter(d -> d.fixtures().contains(kind)).map(GatewayDriver::name).toList();
        for (String name : names) {
            if (GatewayCatalog.find(name).isEmpty()) {
                System.err.println("doctor: --gateways: unknown gateway '" + name + "'; expected one of "
                        + GatewayCatalog.all().stream().map(GatewayDriver::name).toList());
                return ExitCode.BAD_INPUT;
            }
            chosen.put(name, Map.of());
        }
        FixtureOptions options = new FixtureOptions(kubeContext, k3sImages, registries);
        Doctor doctor = Doctor.ofThisMachine();
        List<Check> checks = new ArrayList<>(doctor.checks(kind, chosen, options));
        Path work = Files.createTempDirectory("gateway-bench-doctor");
        try {
            checks.addAll(doctor.images(kind, chosen.keySet(), options, work));
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        checks.forEach(c -> System.out.println(c.line()));
        long problems = checks.stream().filter(Check::problem).count();
        System.out.println(problems == 0 ? "no problem found" : problems + " problem(s) found");
        return problems == 0 ? ExitCode.OK : ExitCode.FAILED;
    }
}
