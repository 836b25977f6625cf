package org.gatewaybench.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.gatewaybench.core.isolation.IsolationCheck;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.reports.IsolationJournals;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.confidence.Interval;
import org.gatewaybench.reports.confidence.RepeatedFigure;
import org.gatewaybench.reports.summary.RunSummary;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final String GW = "lab-nginx-reload";
    private static final Tolerance TOLERANCE = new Tolerance(0.25, 20_000_000);

    /** A run of {@code routes} routes on {@code gateways}, each active {@code latencyMs} after its ack. */
    private static RunSummary run(double latencyMs, int neverActivated, String... gateways) throws IOException {
        return RunSummary.of(RunAnalysis.of(journal(latencyMs, neverActivated, gateways).history()));
    }

    private static Journals journal(double latencyMs, int neverActivated, String... gateways) {
        Journals j = new Journals().runStarted(gateways);
        long op = 1;
        for (String gateway : gateways) {
            j.gatewayStarted(gateway, 0);
            for (int i = 0; i < 20; i++, op++) {
                double ack = op * 1000;
                j.write(gateway, op, "create", ack);
                if (i < neverActivated) {
                    j.gaveUp(gateway, op, "present", ack + 500);
                } else {
                    j.polls(gateway, op, ack + latencyMs, 1, "ok", "ok", "ok");
                }
            }
        }
        return j.runEnded(op * 1000 + 1000);
    }

    private static Finding finding(List<Finding> findings, String figure) {
        return findings.stream().filter(f -> f.figure().equals(figure)).findFirst().orElseThrow();
    }

    @Test
    void aRunWhoseActivationCouldNotBeComputedIsMissingNotACrash() throws IOException {
        // The not-yet answer to a poll sent during write 1's streak, journaled 20 s later: activation fails.
        Journals broken = journal(100, 0, GW).poll(GW, 1, "present", "not-yet", 1100.5, 0.5);
        RunSummary current = RunSummary.of(RunAnalysis.of(broken.history()));
        assertThat(current.gateways().get(0).activation()).isNull();

        List<Finding> findings = Comparison.compare(run(100, 0, GW), current, TOLERANCE);
        Finding activation = finding(findings, "activation");
        assertThat(activation.verdict()).isEqualTo(Finding.Verdict.MISSING);
        assertThat(activation.baseline()).isEqualTo(20.0);
        assertThat(activation.current()).isNull();
        assertThat(findings).noneMatch(f -> f.figure().startsWith("activation p"));
    }

    @Test
    void theSameFiguresPass() throws IOException {
        List<Finding> findings = Comparison.compare(run(100, 0, GW), run(100, 0, GW), TOLERANCE);
        assertThat(findings).extracting(Finding::verdict).containsOnly(Finding.Verdict.OK);
        assertThat(Comparison.regressed(findings)).isFalse();
    }

    @Test
    void slowerActivationBeyondRatioAndFloorRegresses() throws IOException {
        List<Finding> findings = Comparison.compare(run(100, 0, GW), run(200, 0, GW), TOLERANCE);
        Finding p50 = finding(findings, "activation p50");
        assertThat(p50.verdict()).isEqualTo(Finding.Verdict.REGRESSED);
        assertThat(p50.baseline()).isCloseTo(100, org.assertj.core.data.Offset.offset(0.5));
        assertThat(p50.current()).isCloseTo(200, org.assertj.core.data.Offset.offset(0.5));
        assertThat(Comparison.regressed(findings)).isTrue();
    }

    @Test
    void smallLatenciesWithinTheFloorDoNotRegressEvenAtTwiceTheValue() throws IOException {
        // 5 ms -> 10 ms is +100% but only 5 ms: probe resolution, not a regression
        List<Finding> findings = Comparison.compare(run(5, 0, GW), run(10, 0, GW), TOLERANCE);
        assertThat(finding(findings, "activation p50").verdict()).isEqualTo(Finding.Verdict.OK);
    }

    @Test
    void moreRoutesNeverActivatedRegressAndFewerImprove() throws IOException {
        assertThat(finding(Comparison.compare(run(100, 0, GW), run(100, 2, GW), TOLERANCE), "never activated")
                .verdict()).isEqualTo(Finding.Verdict.REGRESSED);
        assertThat(finding(Comparison.compare(run(100, 4, GW), run(100, 0, GW), TOLERANCE), "never activated")
                .verdict()).isEqualTo(Finding.Verdict.IMPROVED);
        assertThat(finding(Comparison.compare(run(300, 0, GW), run(100, 0, GW), TOLERANCE), "activation p99")
                .verdict()).isEqualTo(Finding.Verdict.IMPROVED);
    }

    @Test
    void aGatewayOnlyOneRunHasIsMissingNotARegression() throws IOException {
        List<Finding> findings = Comparison.compare(run(100, 0, GW, "lab-haproxy-runtime"), run(100, 0, GW),
                TOLERANCE);
        assertThat(findings).filteredOn(f -> f.gateway().equals("lab-haproxy-runtime")).singleElement()
                .satisfies(f -> assertThat(f.verdict()).isEqualTo(Finding.Verdict.MISSING));
        assertThat(Comparison.regressed(findings)).isFalse();
    }

    @Test
    void theMarkdownTableNamesEveryFindingAndTheResult() throws IOException {
        List<Finding> findings = Comparison.compare(run(100, 0, GW), run(200, 0, GW), TOLERANCE);
        String md = ComparisonMarkdown.render("base|1", "now", TOLERANCE, findings);
        assertThat(md).contains("against base\\|1").contains("| lab-nginx-reload | activation p50 (ms) | 100 | 200 | "
                + "**regressed** | tolerance, then intervals apart |").contains("more than 25% and more than 20 ms").endsWith("Result: **regression**.\n");
        assertThat(md.lines().filter(l -> l.startsWith("| lab-nginx-reload"))).hasSize(findings.size());
    }

    @Test
    void aChangeBeyondTheToleranceWithinTheNoiseIsNoRegressionAndTheTableSaysWhichTestDecided() {
        Interval base = new Interval(100e6, 60e6, 140e6, 3, 60);
        Interval noisy = new Interval(150e6, 90e6, 400e6, 3, 60);
        Interval apart = new Interval(150e6, 145e6, 160e6, 3, 60);

        Finding overlap = Comparison.judge(GW, RepeatedFigure.ACTIVATION_P99, base, noisy, TOLERANCE);
        assertThat(overlap.verdict()).as("+50%% and +50 ms, but the intervals overlap").isEqualTo(Finding.Verdict.OK);
        assertThat(overlap.decidedBy()).isEqualTo(Finding.DecidedBy.INTERVALS_OVERLAP);
        Finding real = Comparison.judge(GW, RepeatedFigure.ACTIVATION_P99, base, apart, TOLERANCE);
        assertThat(real.verdict()).isEqualTo(Finding.Verdict.REGRESSED);
        assertThat(real.decidedBy()).isEqualTo(Finding.DecidedBy.INTERVALS_APART);
        Finding within = Comparison.judge(GW, RepeatedFigure.ACTIVATION_P99, base, new Interval(110e6, 105e6, 115e6,
                3, 60), TOLERANCE);
        assertThat(within.verdict()).isEqualTo(Finding.Verdict.OK);
        assertThat(within.decidedBy()).isEqualTo(Finding.DecidedBy.TOLERANCE);
        Finding countAlone = Comparison.judge(GW, RepeatedFigure.NEVER_ACTIVATED, new Interval(0, null, null, 1, 1),
                new Interval(3, null, null, 1, 1), TOLERANCE);
        assertThat(countAlone.verdict()).as("no interval: the tolerance alone").isEqualTo(Finding.Verdict.REGRESSED);
        assertThat(countAlone.decidedBy()).isEqualTo(Finding.DecidedBy.TOLERANCE);

        String md = ComparisonMarkdown.render("base", "now", TOLERANCE, List.of(overlap, real));
        assertThat(md).contains("| activation p99 (ms) | 100 | 150 | ok | tolerance, then intervals overlap (noise) |")
                .contains("| **regressed** | tolerance, then intervals apart |");
    }

    @Test
    void repeatedRunsAreComparedOnTheirMediansAndIntervals() throws IOException {
        // Three repetitions each; the current one is slower in every repetition, far beyond the noise.
        RunSummary baseline = RunSummary.of(RunAnalysis.of(new Journals().runStarted("a#1", "a#2", "a#3")
                .activatedRoutes("a#1", 0, 100, 0).activatedRoutes("a#2", 1_000, 105, 0)
                .activatedRoutes("a#3", 2_000, 110, 0).history()));
        RunSummary slower = RunSummary.of(RunAnalysis.of(new Journals().runStarted("a#1", "a#2", "a#3")
                .activatedRoutes("a#1", 0, 300, 0).activatedRoutes("a#2", 1_000, 310, 0)
                .activatedRoutes("a#3", 2_000, 320, 0).history()));

        List<Finding> findings = Comparison.compare(baseline, slower, TOLERANCE);
        assertThat(findings).extracting(Finding::gateway).containsOnly("a");
        Finding p50 = finding(findings, "activation p50");
        assertThat(p50.verdict()).isEqualTo(Finding.Verdict.REGRESSED);
        assertThat(p50.decidedBy()).isEqualTo(Finding.DecidedBy.INTERVALS_APART);
        assertThat(p50.baseline()).isCloseTo(114, org.assertj.core.data.Offset.offset(1.0));
        assertThat(Comparison.compare(baseline, baseline, TOLERANCE)).extracting(Finding::verdict)
                .containsOnly(Finding.Verdict.OK);
    }

    @Test
    void numbersAreWrittenAsTheOtherReportsWriteThem() {
        Finding big = new Finding(GW, "activation max", "ms", 1240.5, 12_345.0, Finding.Verdict.OK,
                Finding.DecidedBy.TOLERANCE);
        assertThat(ComparisonMarkdown.render("b", "c", TOLERANCE, List.of(big)))
                .contains("| 1240 | 12345 |").doesNotContain("e+");
    }

    /** One gateway's isolation checks: same-host-same-path captured or refused, poisoning stalled or not, the admin API exposed or not. */
    private static RunSummary isolation(boolean captured, boolean stalls, boolean exposed, boolean noisy)
            throws IOException {
        Journals j = new Journals().runStarted(3, GW).gatewayStarted(GW, 0);
        IsolationJournals i = new IsolationJournals(j, GW, 5)
                .sameHost(captured, captured ? Verdict.VIOLATED : Verdict.REFUSED).poisoning(stalls)
                .controlPlane(exposed);
        if (noisy) {
            i.startOnly(IsolationCheck.NOISY_NEIGHBOUR).verdict(Verdict.INCONCLUSIVE);
        }
        return RunSummary.of(RunAnalysis.of(j.runEnded(i.now() + 10).history()));
    }

    @Test
    void anIsolationCheckThatWentFromHeldOrRefusedToViolatedRegressesAndTheOtherWayImproves() throws IOException {
        List<Finding> findings = Comparison.compare(isolation(false, false, true, false),
                isolation(true, true, false, true), TOLERANCE);

        assertThat(finding(findings, "isolation same-host-same-path")).extracting(Finding::baselineWord,
                Finding::currentWord, Finding::verdict).containsExactly("refused", "violated", Finding.Verdict.REGRESSED);
        assertThat(finding(findings, "isolation config-poisoning")).extracting(Finding::baselineWord,
                Finding::currentWord, Finding::verdict).containsExactly("held", "violated", Finding.Verdict.REGRESSED);
        assertThat(finding(findings, "isolation control-plane-exposure").verdict())
                .isEqualTo(Finding.Verdict.IMPROVED);
        assertThat(finding(findings, "isolation noisy-neighbour")).extracting(Finding::baselineWord,
                Finding::currentWord, Finding::verdict).containsExactly(null, "inconclusive", Finding.Verdict.MISSING);
        assertThat(Comparison.regressed(findings)).isTrue();

        String md = ComparisonMarkdown.render("base", "now", TOLERANCE, findings);
        assertThat(md).contains("| lab-nginx-reload | isolation same-host-same-path | refused | violated | "
                + "**regressed** | isolation verdicts |").contains("| lab-nginx-reload | isolation noisy-neighbour | – | "
                + "inconclusive | missing | – |");
    }

    @Test
    void theSameIsolationVerdictsPassAndRunsWithoutChecksCompareNone() throws IOException {
        List<Finding> same = Comparison.compare(isolation(true, false, true, false),
                isolation(true, false, true, false), TOLERANCE);
        assertThat(same).filteredOn(f -> f.figure().startsWith("isolation ")).hasSize(3)
                .allSatisfy(f -> assertThat(f.verdict()).isEqualTo(Finding.Verdict.OK));
        assertThat(Comparison.compare(run(100, 0, GW), run(100, 0, GW), TOLERANCE))
                .noneMatch(f -> f.figure().startsWith("isolation"));
    }
}
