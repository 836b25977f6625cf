package org.gatewaybench.reports.analysis;

import java.util.Optional;
import java.util.function.Supplier;

/** The figures of one analysis, or why it has none. */
final class Result<T> {

    private final T value;
    private final AnalysisFailure failure;

    private Result(T value, AnalysisFailure failure) {
        this.value = value;
        this.failure = failure;
    }

    /** Computes {@code value}; an exception, also an analysis it needed having failed, makes it a failure. */
    static <T> Result<T> of(Analysis analysis, Supplier<T> value) {
        try {
            return new Result<>(value.get(), null);
        } catch (RuntimeException e) {
            return failed(AnalysisFailure.of(analysis, e, 0));
        }
    }

    static <T> Result<T> failed(AnalysisFailure failure) {
        return new Result<>(null, failure);
    }

    /** The figures; {@link AnalysisFailedException} when the analysis failed. */
    T get() {
        if (failure != null) {
            throw new AnalysisFailedException(failure);
        }
        return value;
    }

    /** The figures, or empty when the analysis failed: for what can do without them. */
    Optional<T> ok() {
        return failure == null ? Optional.ofNullable(value) : Optional.empty();
    }

    Optional<AnalysisFailure> failure() {
        return Optional.ofNullable(failure);
    }
}
