package org.gatewaybench.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.reports.IsolationJournals;
import org.gatewaybench.reports.Journals;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.junit.jupiter.api.Test;

class IsolationSectionTest {

    private static String section(Journals j) throws IOException {
        String html = HtmlReportWriter.render(RunAnalysis.of(j.history()));
        int start = html.indexOf("<section id=\"isolation\">");
        assertThat(start).as("the isolation section").isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void theMatrixColoursEachCellByVerdictAndLinksItsEvidence() throws IOException {
        String s = section(IsolationJournals.run());

        assertThat(s).contains("<th>same-host-same-path</th><th>config-poisoning</th>"
                + "<th>control-plane-exposure</th>");
        assertThat(s).contains("class=\"v v-violated\" href=\"#iso-0-same-host-same-path\"")
                .contains("class=\"v v-refused\" href=\"#iso-1-same-host-same-path\"")
                .contains("class=\"v v-held\" href=\"#iso-1-control-plane-exposure\"");
        for (String anchor : new String[] {"iso-0-same-host-same-path", "iso-0-config-poisoning",
                "iso-0-control-plane-exposure", "iso-1-same-host-same-path", "iso-1-config-poisoning",
                "iso-1-control-plane-exposure"}) {
            assertThat(s).contains("<details class=\"evidence\" id=\"" + anchor + "\">");
        }
    }

    @Test
    void theEvidenceShowsTheReasonTheRequestsWhoseBackendAnsweredAndTheEndpoints() throws IOException {
        String s = section(IsolationJournals.run());
        String capture = s.substring(s.indexOf("id=\"iso-0-same-host-same-path\""),
                s.indexOf("id=\"iso-0-config-poisoning\""));

        assertThat(capture).contains("5 of 5 requests to A&#39;s host app.va reached B&#39;s backend b1")
                .contains("<td>app.va</td><td>/</td><td>200</td><td>b1</td><td><span class=\"bad\">B</span></td>")
                .contains("capturedDuring");
        assertThat(s).contains(">runtime-api</td><td>admin</td><td>127.0.0.1:9999</td>")
                .contains("nginx/1.22.1");
    }

    @Test
    void theBlastRadiusChartMarksTheStalledWriteAndTheBound() throws IOException {
        String s = section(IsolationJournals.run());

        assertThat(s).contains("Blast radius: nginx").contains("Blast radius: haproxy")
                .contains("stalled beyond 1000 ms").contains("B&#39;s unloadable route exists");
        assertThat(s).contains("q1/r").contains("(during): live after");
        assertThat(s).doesNotContain("Noisy neighbour:");
    }

    @Test
    void aDisagreementBetweenProbeAndJournalIsShown() throws IOException {
        Journals j = new Journals().runStarted(3, "gw").gatewayStarted("gw", 0);
        new IsolationJournals(j, "gw", 5).settings(Map.of()).sameHost(true, Verdict.HELD);

        assertThat(section(j.runEnded(1000))).contains("The probe journaled held; judged again from the journal it "
                + "is violated.");
    }

    @Test
    void aRunWithoutIsolationChecksHasNoSection() throws IOException {
        Journals j = new Journals().runStarted("gw").gatewayStarted("gw", 0).write("gw", 1, "create", 10)
                .runEnded(100);
        assertThat(HtmlReportWriter.render(RunAnalysis.of(j.history()))).doesNotContain("id=\"isolation\"");
    }
}
