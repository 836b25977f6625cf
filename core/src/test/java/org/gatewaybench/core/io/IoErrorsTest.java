package org.gatewaybench.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** I/O errors name the operation, the path and the cause, whatever Java's own message left out. */
class IoErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aFolderUnderProcCannotBeCreated() {
        Path nope = Path.of("/proc/nope");
        IOException e = thrownBy(() -> Files.createDirectories(nope));
        assertThat(e.getMessage()).as("Java's own message").isEqualTo("/proc/nope");
        assertThat(IoErrors.describe("create the run folder", nope, e))
                .isEqualTo("cannot create the run folder /proc/nope: No such file or directory");
    }

    @Test
    void aFileWhereAFolderShouldBe() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path under = file.resolve("journal.jsonl");
        IOException e = thrownBy(() -> Files.writeString(under, "y"));
        assertThat(IoErrors.named("create the journal", under, e)).hasMessage(
                "cannot create the journal " + under + ": Not a directory").hasCause(e);
    }

    @Test
    void aCauseOnlyExceptionGetsThePathAndAFileSystemExceptionElsewhereSaysWhere() {
        Path journal = Path.of("/runs/r/journal.jsonl");
        assertThat(IoErrors.describe("append to the journal", journal, new IOException("No space left on device")))
                .isEqualTo("cannot append to the journal /runs/r/journal.jsonl: No space left on device");
        assertThat(IoErrors.describe("write", Path.of("/w/nginx.conf"),
                new FileSystemException("/w/nginx.conf.tmp", null, "Read-only file system")))
                .isEqualTo("cannot write /w/nginx.conf: Read-only file system (at /w/nginx.conf.tmp)");
        assertThat(IoErrors.cause(new AccessDeniedException("/x"))).isEqualTo("Permission denied");
        assertThat(IoErrors.cause(new NoSuchFileException("/x"))).isEqualTo("No such file or directory");
    }

    private interface Io {
        void run() throws IOException;
    }

    private static IOException thrownBy(Io io) {
        try {
            io.run();
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("no IOException");
    }
}
