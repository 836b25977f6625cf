package org.gatewaybench.scenarios.run;

import java.nio.file.Path;
import java.util.List;
import org.gatewaybench.fixtures.Fixture;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.k3s.DockerTestSettings;
import org.gatewaybench.fixtures.k3s.K3sFixture;

/** For the Docker-gated runner tests: every fixture is a k3s cluster set up as the nightly sets it up for its gateways. */
final class K3sFixtures {

    private K3sFixtures() {
    }

    static FixtureFactory factory() {
        return new FixtureFactory(FixtureOptions.NONE) {
            @Override
            public Fixture create(FixtureKind kind, Path workDir, List<String> gateways) {
                return new K3sFixture(DockerTestSettings.forGateways(gateways));
            }
        };
    }
}
