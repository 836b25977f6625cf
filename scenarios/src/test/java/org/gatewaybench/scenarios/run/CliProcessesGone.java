package org.gatewaybench.scenarios.run;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds processes a run left behind: any whose command line names the test's folder. */
final class CliProcessesGone {

    private CliProcessesGone() {
    }

    static List<ProcessHandle> under(Path folder) {
        String needle = folder.toAbsolutePath().toString();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(ph -> ph.info().commandLine().map(c -> c.contains(needle)).orElse(false)).toList();
        }
    }
}
