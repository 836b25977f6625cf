package org.gatewaybench.gateways.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.gatewaybench.core.io.IoErrors;
import org.gatewaybench.gateways.GatewayException;

/** Writes data-plane config files so that a reader (a reload, a restart) never sees half a file. */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /** Writes {@code text} to a temporary sibling, then renames it over {@code file}. */
    public static void writeAtomically(Path file, String text) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GatewayException(IoErrors.describe("write", file, e), e);
        }
    }
}
