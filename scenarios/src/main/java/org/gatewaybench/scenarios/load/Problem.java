package org.gatewaybench.scenarios.load;

import java.nio.file.Path;

/**
 * One thing wrong with a scenario file, located: {@code file:line: field: expected X, found Y}.
 *
 * @param line 1-based line of the offending value, 0 when the field is missing from the file
 * @param path the field path, e.g. churn.phases[1].rate
 */
public record Problem(Path file, int line, String path, String expected, String found) {

    @Override
    public String toString() {
        String where = file.getFileName() + (line > 0 ? ":" + line : "");
        return where + ": " + (path.isEmpty() ? "(document)" : path) + ": expected " + expected + ", found " + found;
    }
}
