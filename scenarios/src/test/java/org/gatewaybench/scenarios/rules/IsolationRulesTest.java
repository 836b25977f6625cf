package org.gatewaybench.scenarios.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatewaybench.core.isolation.CheckSupport;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.IsolationProfile;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.GatewayOption;
import org.gatewaybench.gateways.InstallContext;
import org.gatewaybench.scenarios.model.IsolationSpec;
import org.gatewaybench.scenarios.model.SectionRules;
import org.junit.jupiter.api.Test;

/**
 * The rule that refuses a check a driver cannot run, with the driver's reason. No driver of the
 * catalogue declares such a check today, so a driver that does is declared here.
 */
class IsolationRulesTest {

    /** A driver that declares snippet-injection as something the harness cannot run on k3s. */
    private static final GatewayDriver DECLARES_CANNOT_RUN = new GatewayDriver() {
        @Override
        public String name() {
            return "declared";
        }

        @Override
        public String description() {
            return "a driver declaring one check it cannot run";
        }

        @Override
        public Set<FixtureKind> fixtures() {
            return Set.of(FixtureKind.K3S);
        }

        @Override
        public List<String> requirements() {
            return List.of();
        }

        @Override
        public List<GatewayOption> options() {
            return List.of();
        }

        @Override
        public Gateway install(InstallContext context) {
            throw new UnsupportedOperationException("declarations only");
        }

        @Override
        public IsolationProfile isolation(FixtureKind fixture) {
            return new IsolationProfile(Map.of(IsolationCheck.SNIPPET_INJECTION,
                    CheckSupport.cannotRun("its snippets need a file system the harness cannot reach")),
                    null, IsolationProfile.DEFAULT_POISON_PATH);
        }
    };

    private record Problem(String field, String expected, String found) {
    }

    private static List<Problem> check(IsolationCheck check, boolean intrusive, FixtureKind fixture) {
        List<Problem> problems = new ArrayList<>();
        SectionRules.Findings findings = new SectionRules.Findings() {
            @Override
            public void at(String field, String expected, String found) {
                problems.add(new Problem(field, expected, found));
            }

            @Override
            public void atRoot(String path, String expected, String found) {
                problems.add(new Problem(path, expected, found));
            }
        };
        IsolationSpec spec = new IsolationSpec(List.of(check), "a", "b", 1, intrusive, Duration.ofSeconds(1),
                new IsolationSpec.Bounds(3, Duration.ofMillis(50), Duration.ofSeconds(5)),
                new IsolationSpec.Storm(10, 10), 5, Duration.ofSeconds(3));
        IsolationRules.supported(check, DECLARES_CANNOT_RUN, fixture, spec, "checks[0]", findings);
        return problems;
    }

    @Test
    void aCheckTheDriverCannotRunIsRefusedWithItsReason() {
        assertThat(check(IsolationCheck.SNIPPET_INJECTION, true, FixtureKind.K3S)).containsExactly(new Problem(
                "checks[0]", "a check gateway declared can run on fixture k3s (its snippets need a file system the "
                        + "harness cannot reach)", "'snippet-injection'"));
    }

    @Test
    void aCheckTheDriverDeclaresNothingAboutIsRefusedToo() {
        assertThat(check(IsolationCheck.NOISY_NEIGHBOUR, false, FixtureKind.K3S)).singleElement()
                .satisfies(p -> assertThat(p.expected()).endsWith("(the driver declares nothing about "
                        + "noisy-neighbour)"));
    }
}
