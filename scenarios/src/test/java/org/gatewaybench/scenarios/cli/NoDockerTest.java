package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/** Where there is no Docker engine, asking for a k3s cluster stops before anything starts and points to the lab. */
class NoDockerTest {

    @TempDir
    Path dir;

    @Test
    void theK3sFixtureWithoutDockerFailsWithinSecondsAndNamesTheLab() throws Exception {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker is here: the k3s tests run instead");
        Path quickstart = Path.of("quickstart.yaml").toAbsolutePath();
        long start = System.nanoTime();
        try (CliProcess cli = CliProcess.start(dir, "run", quickstart.toString(), "--fixture", "k3s",
                "--gateways", "ingress-nginx,higress", "--output", "runs")) {
            assertThat(cli.await(60)).isEqualTo(1);
            assertThat((System.nanoTime() - start) / 1e9).as("seconds until the error").isLessThan(30);
            assertThat(cli.err().lines()).anySatisfy(l -> assertThat(l).startsWith("problem  docker engine: none found")
                    .contains("bin/gateway-bench run scenarios/quickstart.yaml"));
            assertThat(cli.err().lines().filter(l -> l.startsWith("error: "))).singleElement().asString()
                    .contains("the run did not start");
            assertThat(dir.resolve("runs")).as("nothing started").doesNotExist();
        }
    }
}
