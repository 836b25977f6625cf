package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCommandTest {

    @TempDir
    Path dir;

    private Path run(String name, String scenario, long latencyMs) throws IOException {
        return RunFolders.rendered(dir, name, scenario, latencyMs);
    }

    @Test
    void twoRunsMakeAStudyAndRunsOfDifferentScenariosAreRefusedUnlessAllowed() throws IOException {
        Path one = run("one", "gate", 100);
        Path two = run("two", "gate", 120);
        Path out = dir.resolve("study");
        assertThat(Main.execute("study", one.toString(), two.toString(), "--output", out.toString(), "--title",
                "Gate study")).isZero();
        assertThat(Files.readString(out.resolve("study.html"))).contains("<title>Gate study</title>");
        assertThat(out.resolve("study.json")).exists();
        assertThat(out.resolve("summary.md")).exists();

        Path other = run("other", "nightly", 100);
        Path refused = dir.resolve("refused");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(Main.execute("study", one.toString(), other.toString(), "--output", refused.toString()))
                    .isEqualTo(ExitCode.BAD_INPUT);
        } finally {
            System.setErr(before);
        }
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("different scenarios")
                .contains("ran 'gate'").contains("ran 'nightly'").contains("--allow-mixed");
        assertThat(refused).doesNotExist();
        assertThat(Main.execute("study", one.toString(), other.toString(), "--output", refused.toString(),
                "--allow-mixed")).isZero();
        assertThat(Main.execute("study", dir.resolve("nowhere").toString())).isEqualTo(ExitCode.BAD_INPUT);
    }
}
