package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gatewaybench.core.io.SmallFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * I/O errors as a user meets them: one line that names the operation, the path and the cause, exit
 * code 1, and nothing started.
 */
class IoErrorTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("s.yaml"), """
                name: io
                gateways:
                  - name: lab-haproxy-runtime
                churn:
                  phases:
                    - {kind: ramp, to: 10, rate: 10}
                """);
    }

    @Test
    void anOutputFolderThatCannotBeCreated() throws Exception {
        CliProcess cli = CliProcess.start(dir, "run", scenario().toString(), "--output", "/proc/nope");
        assertThat(cli.await(60)).isEqualTo(1);
        assertThat(cli.err().lines().toList()).containsExactly(
                "error: cannot create the output folder /proc/nope: No such file or directory");
    }

    @Test
    void aReadOnlyOutputFolder() throws Exception {
        try (SmallFileSystem fs = SmallFileSystem.mount(dir.resolve("ro"), "1m")) {
            fs.remountReadOnly();
            CliProcess cli = CliProcess.start(dir, "run", scenario().toString(), "--output", fs.root().toString());
            assertThat(cli.await(60)).isEqualTo(1);
            List<String> err = cli.err().lines().toList();
            assertThat(err).singleElement().asString().startsWith("error: cannot create the run folder "
                    + fs.root().resolve("io-")).endsWith(": Read-only file system");
        }
    }

    @Test
    void reportsThatCannotBeWrittenLeaveTheOldOnesAsTheyWere() throws Exception {
        try (SmallFileSystem fs = SmallFileSystem.mount(dir.resolve("runs"), "1m")) {
            Path run = Files.createDirectories(fs.root().resolve("r"));
            Files.writeString(run.resolve("journal.jsonl"), "{\"type\":\"note\",\"at\":{\"mono\":1,\"wall\":1},"
                    + "\"level\":\"info\",\"message\":\"only a note\"}\n");
            Files.writeString(run.resolve("summary.json"), "the old summary");
            fs.remountReadOnly();
            CliProcess cli = CliProcess.start(dir, "report", run.toString());
            assertThat(cli.await(60)).isEqualTo(1);
            assertThat(cli.err().lines().toList()).singleElement().asString()
                    .startsWith("error: cannot write " + run.resolve("summary.json") + ": Read-only file system");
            assertThat(Files.readString(run.resolve("summary.json"))).isEqualTo("the old summary");
        }
    }
}
