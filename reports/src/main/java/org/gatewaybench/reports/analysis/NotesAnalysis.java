package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.HarnessComponent;
import org.gatewaybench.core.journal.NoteLevel;

/**
 * Finds the {@link ReportNote}s: what qualifies the figures (a run that did not complete, a journal
 * cut short, writes without verdict, harness lag), then the journal's own notes. A finding whose
 * analysis failed is left out; that failure is reported on its own.
 */
final class NotesAnalysis implements Fold {

    private final List<ReportNote> journalNotes = new ArrayList<>();

    @Override
    public void accept(Event e) {
        if (e instanceof Events.Note n) {
            journalNotes.add(new ReportNote(n.level(), n.gateway(), n.message()));
        }
    }

    List<ReportNote> result(Optional<RunLayout> layout, Optional<RunEnding> outcome, boolean runStarted,
                            boolean truncatedTail, int unknownEvents,
                            Optional<Map<String, GatewayActivation>> activation,
                            Optional<Map<String, HarnessLagFigures>> lag) {
        List<ReportNote> notes = new ArrayList<>();
        outcome.filter(o -> !o.completed()).ifPresent(o -> notes.add(new ReportNote(NoteLevel.WARNING, null,
                "The run did not complete (" + o.status() + (o.reason() == null ? "" : ": " + o.reason()) + ").")));
        if (!runStarted) {
            notes.add(new ReportNote(NoteLevel.WARNING, null, "The journal has no run-started event; run facts are unknown."));
        }
        if (truncatedTail) {
            notes.add(new ReportNote(NoteLevel.WARNING, null, "The journal ends in a partial line: the run was cut short "
                    + "and the figures cover the events before it."));
        }
        if (unknownEvents > 0) {
            notes.add(new ReportNote(NoteLevel.INFO, null, unknownEvents
                    + " events of types this version does not know were skipped."));
        }
        for (String gateway : layout.map(RunLayout::gateways).orElse(List.of())) {
            activation.ifPresent(a -> writesWithoutVerdict(notes, gateway, a.get(gateway).overall()));
            lag.ifPresent(l -> harnessLag(notes, gateway, l.get(gateway)));
        }
        notes.addAll(journalNotes);
        return notes;
    }

    private static void writesWithoutVerdict(List<ReportNote> notes, String gateway, ActivationFigures f) {
        if (f.unresolved() > 0) {
            notes.add(new ReportNote(NoteLevel.WARNING, gateway, f.unresolved() + " acknowledged writes have no verdict: "
                    + "the journal ends before their activation or the probe giving up."));
        }
        if (f.unacknowledged() > 0) {
            notes.add(new ReportNote(NoteLevel.WARNING, gateway, f.unacknowledged()
                    + " writes were sent but the journal holds no answer of the route API."));
        }
    }

    private static void harnessLag(List<ReportNote> notes, String gateway, HarnessLagFigures l) {
        if (l.reports() > 0) {
            notes.add(new ReportNote(NoteLevel.WARNING, gateway, String.format(Locale.ROOT,
                    "The harness fell behind %s (%s): up to %.1f ms late with %d items waiting; "
                            + "these figures include harness delay.",
                    l.reports() == 1 ? "once" : l.reports() + " times",
                    l.components().stream().map(HarnessComponent::word).collect(Collectors.joining(", ")),
                    l.maxLagNanos() / 1e6, l.maxBacklog())));
        }
    }
}
