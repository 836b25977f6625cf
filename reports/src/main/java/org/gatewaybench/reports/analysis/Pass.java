package org.gatewaybench.reports.analysis;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.gatewaybench.core.journal.History;

/**
 * One replay of a history that feeds every analysis's fold. A fold that throws is named with the
 * journal line it failed at and fed nothing more; the others go on.
 */
final class Pass {

    private final Map<Analysis, Fold> folds = new LinkedHashMap<>();
    private final Map<Analysis, AnalysisFailure> failures = new EnumMap<>(Analysis.class);
    private long events;

    <F extends Fold> F add(Analysis analysis, F fold) {
        folds.put(analysis, fold);
        return fold;
    }

    void replay(History history) throws IOException {
        Analysis[] names = folds.keySet().toArray(Analysis[]::new);
        Fold[] live = folds.values().toArray(Fold[]::new);
        history.replay((event, line) -> {
            events++;
            for (int i = 0; i < live.length; i++) {
                if (live[i] != null) {
                    try {
                        live[i].accept(event);
                    } catch (RuntimeException e) {
                        failures.put(names[i], AnalysisFailure.of(names[i], e, line));
                        live[i] = null;
                    }
                }
            }
        });
    }

    /** Events replayed. */
    long events() {
        return events;
    }

    /** The result of {@code analysis} after the replay: its failure during the replay, or what {@code result} gives. */
    <T> Result<T> result(Analysis analysis, Supplier<T> result) {
        AnalysisFailure failed = failures.get(analysis);
        return failed != null ? Result.failed(failed) : Result.of(analysis, result);
    }
}
