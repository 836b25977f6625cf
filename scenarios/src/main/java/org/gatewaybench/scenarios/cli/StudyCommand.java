package org.gatewaybench.scenarios.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gatewaybench.reports.Studies;
import org.gatewaybench.reports.study.Study;
import org.gatewaybench.reports.study.StudyException;
import org.gatewaybench.reports.study.StudyRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "study", mixinStandardHelpOptions = true,
        description = "One comparison from many runs (a nightly's per-gateway runs, repetitions, runs on other days "
                + "or chart versions): study.html leads with which gateway met which target and by how much, then "
                + "activation CDFs, medians with 95%% intervals over all runs, each run's figures, the assertion "
                + "matrix and a trend when the runs span days; also summary.md, study.json and the runs' Allure "
                + "results merged. Exit code 2 for bad input (a folder without summary.json, runs of different "
                + "scenarios or route counts without --allow-mixed).")
final class StudyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "run folders made by `gateway-bench run`")
    List<Path> runs;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "study",
            description = "the folder to write the study into; default ${DEFAULT-VALUE}")
    Path output;

    @Option(names = "--title", paramLabel = "T", description = "the page's title; default: the scenario's name")
    String title;

    @Option(names = "--allow-mixed",
            description = "compare runs of different scenarios or route counts (refused without it)")
    boolean allowMixed;

    @Override
    public Integer call() throws IOException {
        List<StudyRun> read = new ArrayList<>();
        try {
            for (Path dir : runs) {
                read.add(StudyRun.read(dir));
            }
        } catch (StudyException e) {
            System.err.println(e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        Optional<String> difference = Study.difference(read);
        if (difference.isPresent() && !allowMixed) {
            System.err.println("study: " + difference.get() + "; pass --allow-mixed to compare them anyway");
            return ExitCode.BAD_INPUT;
        }
        String name = title != null ? title : "Study: " + read.get(0).summary().scenario();
        Studies.Written written = Studies.write(Study.of(name, read), output);
        written.files().forEach(f -> System.out.println("wrote " + f));
        if (written.allureFiles() > 0) {
            System.out.println("merged " + written.allureFiles() + " Allure result files into "
                    + output.resolve("allure-results"));
        }
        return ExitCode.OK;
    }
}
