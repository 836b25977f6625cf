package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir
    Path dir;

    private Path run(String name, long latencyMs) throws IOException {
        return RunFolders.rendered(dir, name, "gate", latencyMs);
    }

    @Test
    void sameFiguresPassAndSlowerActivationFailsTheGate() throws IOException {
        Path baseline = run("base", 100);
        assertThat(Main.execute("compare", baseline.toString(), run("same", 105).toString())).isZero();
        Path summary = dir.resolve("summary.md");
        assertThat(Main.execute("compare", baseline.toString(), run("slow", 300).toString(),
                "--markdown", summary.toString())).isEqualTo(1);
        assertThat(Files.readString(summary)).contains("**regressed**").contains("Result: **regression**.");
    }

    @Test
    void aLooserToleranceLetsTheSameRunPass() throws IOException {
        Path baseline = run("base", 100);
        Path slower = run("slower", 140);
        assertThat(Main.execute("compare", baseline.toString(), slower.toString())).isEqualTo(1);
        assertThat(Main.execute("compare", baseline.toString(), slower.toString(), "--tolerance", "50")).isZero();
    }

    @Test
    void aFolderWithoutSummaryOrABadFloorIsBadInput() throws IOException {
        Path baseline = run("base", 100);
        assertThat(Main.execute("compare", dir.resolve("nowhere").toString(), baseline.toString())).isEqualTo(2);
        assertThat(Main.execute("compare", baseline.toString(), baseline.toString(), "--floor", "soon")).isEqualTo(2);
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"summaryVersion\": \"x\"");
        assertThat(Main.execute("compare", garbage.toString(), baseline.toString())).isEqualTo(2);
    }

    @Test
    void aComparisonThatCannotBeWrittenIsNamed() throws IOException {
        Path baseline = run("base", 100);
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(Main.execute("compare", baseline.toString(), baseline.toString(), "--markdown",
                    "/proc/nope/comparison.md")).isEqualTo(1);
        } finally {
            System.setErr(before);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "error: cannot append the comparison to /proc/nope/comparison.md: No such file or directory\n");
    }
}
