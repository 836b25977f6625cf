package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/gateway-bench passes JVM options from JAVA_OPTS, after its own. Run from a copy of
 * the script in a folder whose jar is fresh (so it builds nothing), with a {@code java} on the PATH
 * that prints the arguments it was given.
 */
class LauncherTest {

    private static final Path SCRIPT = Path.of("..", "bin", "gateway-bench");

    @TempDir
    Path dir;

    @Test
    void jvmOptionsFromJavaOptsComeAfterTheToolsOwnUnexpanded() throws Exception {
        Path root = dir.resolve("checkout");
        Files.createDirectories(root.resolve("bin"));
        Files.copy(SCRIPT, root.resolve("bin/gateway-bench"));
        Files.createDirectories(root.resolve("scenarios/target/lib"));
        Files.writeString(root.resolve("scenarios/target/gateway-bench-scenarios-0.1.0-SNAPSHOT.jar"), "");
        // A file that an unquoted JAVA_OPTS would expand -Dglob=* into, in the folder the launcher runs in.
        Files.writeString(root.resolve("scenarios/target/-Dglob=expanded"), "");
        Path fakeJava = Files.writeString(Files.createDirectories(dir.resolve("path")).resolve("java"),
                "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/gateway-bench").toString(), "run", "a b.yaml")
                .directory(root.resolve("scenarios/target").toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", dir.resolve("path") + ":/usr/bin:/bin");
        builder.environment().put("JAVA_OPTS", " -Xmx24m  -Dglob=* -XX:MaxDirectMemorySize=64m ");
        Process launcher = builder.start();
        assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> args = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

        assertThat(launcher.exitValue()).as(String.join("\n", args)).isZero();
        assertThat(args.subList(0, 5)).containsExactly("--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-XX:+UseParallelGC", "-Xmx24m", "-Dglob=*", "-XX:MaxDirectMemorySize=64m");
        assertThat(args.subList(5, args.size())).startsWith("-cp").endsWith(Main.class.getName(), "run", "a b.yaml");
    }
}
