package org.gatewaybench.scenarios.run;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.GatewayEvent;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.journal.JournalReader;
import org.gatewaybench.core.journal.JournalWriter;
import org.gatewaybench.core.journal.Repetition;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.assertion.Assertion;
import org.gatewaybench.reports.assertion.AssertionResult;

/**
 * Judges the scenario's assertions at the end of one gateway's run: the journal so far is analysed
 * by the same analyses as the reports (only the run's and this gateway's events, the rest cannot
 * change its figures), and each verdict is journaled as {@code assertion-evaluated}.
 */
final class AssertionCheck {

    private final List<Assertion> assertions;
    private final JournalWriter file;
    private final Journal journal;
    private final Clock clock;
    private final PrintStream console;

    AssertionCheck(List<Assertion> assertions, JournalWriter file, Journal journal, Clock clock, PrintStream console) {
        this.assertions = List.copyOf(assertions);
        this.file = file;
        this.journal = journal;
        this.clock = clock;
        this.console = console;
    }

    /**
     * Judges every assertion that applies to {@code gateway} (its journal name: a repetition is
     * judged on its own, by the bounds set for its driver), journals and prints the verdicts and
     * returns them.
     */
    List<AssertionResult> judge(String gateway) throws IOException {
        String driver = Repetition.of(gateway).gateway();
        List<Assertion> applying = assertions.stream().filter(a -> a.appliesTo(driver)).toList();
        if (applying.isEmpty()) {
            return List.of();
        }
        file.flush();
        RunAnalysis analysis = RunAnalysis.of(new OneGateway(JournalReader.open(file.file()), gateway));
        List<AssertionResult> results = new ArrayList<>();
        for (Assertion a : applying) {
            AssertionResult r = a.evaluate(analysis, gateway);
            journal.append(new Events.AssertionEvaluated(clock.now(), gateway, r.figure(), r.bound(), r.measured(),
                    r.unit(), r.passed(), r.detail()));
            console.println("   assertion " + r.figure() + " " + r.bound() + ": " + r.verdict() + " ("
                    + r.measuredText() + ")");
            results.add(r);
        }
        return results;
    }

    /** The events of a history that belong to the whole run or to one gateway. */
    private record OneGateway(History all, String gateway) implements History {

        @Override
        public void replay(Visitor visitor) throws IOException {
            all.replay((event, line) -> {
                if (belongs(event)) {
                    visitor.visit(event, line);
                }
            });
        }

        private boolean belongs(Event event) {
            return !(event instanceof GatewayEvent g) || g.gateway() == null || g.gateway().equals(gateway);
        }

        @Override
        public boolean truncatedTail() {
            return all.truncatedTail();
        }

        @Override
        public int unknownEvents() {
            return all.unknownEvents();
        }

        @Override
        public Optional<Events.RunStarted> runStarted() throws IOException {
            return all.runStarted();
        }
    }
}
