package org.gatewaybench.scenarios.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the harness and the machine under it are, for reproduction: the harness's version and the
 * commit of the checkout it was built from ({@code +dirty} when tracked files differ from it), the
 * Java runtime and the operating system. Journaled at the start of every run.
 */
public final class HarnessVersions {

    /** The harness's version, journaled with every run and printed by {@code gateway-bench --version}. */
    public static final String VERSION = "0.1.0";

    /** Keys of the map {@link #of()} returns, also read back by replays. */
    public static final String HARNESS = "gateway-bench";
    public static final String COMMIT = "commit";
    public static final String JAVA = "java";
    public static final String OS = "os";

    private HarnessVersions() {
    }

    public static Map<String, String> of() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put(HARNESS, VERSION);
        versions.put(COMMIT, commit());
        versions.put(JAVA, System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        versions.put(OS, System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return versions;
    }

    /** The commit of the git checkout the harness's classes are in, or "unknown" outside one. */
    private static String commit() {
        try {
            Path code = Path.of(HarnessVersions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(code) ? code : code.getParent();
            String head = git(dir, "rev-parse", "HEAD");
            if (head.isEmpty()) {
                return "unknown";
            }
            return git(dir, "status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "+dirty";
        } catch (URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    /** What {@code git args} prints in {@code dir}, stripped; empty when git is missing or fails. */
    private static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return "";
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
