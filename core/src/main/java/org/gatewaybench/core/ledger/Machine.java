package org.gatewaybench.core.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine and its current boot, as Linux names them: a ledger entry is judged only on the
 * machine that wrote it, and processes of an earlier boot are gone whatever their pids say now.
 */
record Machine(String host, String boot) {

    static Machine current() {
        return new Machine(read("/proc/sys/kernel/hostname"), read("/proc/sys/kernel/random/boot_id"));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
