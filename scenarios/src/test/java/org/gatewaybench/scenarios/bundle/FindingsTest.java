package org.gatewaybench.scenarios.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assertions and isolation verdicts are read by their words, from journals whose records this version may not know. */
class FindingsTest {

    @TempDir
    Path dir;

    @Test
    void failedAssertionsAndViolatedIsolationChecksAreFindingsAndPassedOrHeldOnesAreNot() throws IOException {
        Path journal = Files.writeString(dir.resolve("journal.jsonl"), String.join("\n",
                "{\"type\":\"assertion-evaluated\",\"at\":{\"mono\":1,\"wall\":1},\"gateway\":\"g\","
                        + "\"figure\":\"activation.p99\",\"bound\":\"<= 5s\",\"measured\":9.1E9,\"passed\":false}",
                "{\"type\":\"assertion-evaluated\",\"at\":{\"mono\":2,\"wall\":2},\"gateway\":\"g\","
                        + "\"figure\":\"errors\",\"bound\":\"<= 0\",\"measured\":0,\"passed\":true}",
                "{\"type\":\"isolation-verdict\",\"at\":{\"mono\":3,\"wall\":3},\"gateway\":\"g\","
                        + "\"check\":\"host-hijack\",\"verdict\":\"violated\",\"reason\":\"B took A's host\"}",
                "{\"type\":\"isolation-verdict\",\"at\":{\"mono\":4,\"wall\":4},\"gateway\":\"g\","
                        + "\"check\":\"path-shadow\",\"verdict\":\"held\",\"reason\":\"\"}") + "\n");

        Findings f = Findings.of(journal);

        assertThat(f.failedAssertions()).singleElement().asString()
                .contains("figure: activation.p99", "bound: <= 5s", "passed: false");
        assertThat(f.isolationFindings()).singleElement().asString()
                .contains("check: host-hijack", "verdict: violated", "reason: B took A's host");
        assertThat(f.neverActivated()).isEmpty();
        assertThat(f.any()).isTrue();
    }
}
