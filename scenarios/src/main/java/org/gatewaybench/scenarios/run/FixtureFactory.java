package org.gatewaybench.scenarios.run;

import java.nio.file.Path;
import java.util.List;
import org.gatewaybench.fixtures.Fixture;
import org.gatewaybench.fixtures.FixtureException;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.embedded.EmbeddedFixture;
import org.gatewaybench.fixtures.k3s.K3sFixture;
import org.gatewaybench.fixtures.k3s.K3sSettings;
import org.gatewaybench.fixtures.kubeconfig.KubeconfigFixture;
import org.gatewaybench.fixtures.kubeconfig.KubeconfigSettings;

/**
 * Makes the fixture a scenario names, with the {@link FixtureOptions} of the command line; a test
 * may make another fixture.
 */
public class FixtureFactory {

    private final FixtureOptions options;

    public FixtureFactory(FixtureOptions options) {
        this.options = options;
    }

    /**
     * A fixture of {@code kind} for a run of {@code gateways}; {@code workDir} is the fixture's folder
     * in the run folder.
     */
    public Fixture create(FixtureKind kind, Path workDir, List<String> gateways) {
        return switch (kind) {
            case EMBEDDED -> new EmbeddedFixture(workDir);
            case K3S -> new K3sFixture(K3sSettings.forGateways(gateways, K3sSettings.BACKEND_IMAGE_TAR)
                    .withImages(options.k3sImages(), options.registries()));
            case KUBECONFIG -> {
                String kubeContext = options.kubeContext();
                if (kubeContext == null || kubeContext.isBlank()) {
                    throw new FixtureException(
                            "the kubeconfig fixture needs --kube-context NAME: it never guesses a cluster");
                }
                yield new KubeconfigFixture(new KubeconfigSettings(KubeconfigSettings.defaultKubeconfig(), kubeContext,
                        K3sSettings.BACKEND_IMAGE, null));
            }
        };
    }
}
