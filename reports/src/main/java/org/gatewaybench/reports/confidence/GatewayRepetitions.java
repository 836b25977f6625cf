package org.gatewaybench.reports.confidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A gateway's figures over its repetitions (of one run, or of the runs of a study): per figure
 * the values, their median and its 95% interval from {@link Bootstrap}, seeded by the gateway
 * and the figure so that rendering the same runs again gives the same intervals.
 *
 * @param repetitions the names of the repetitions, in the order they ran
 * @param figures     the figures at least one repetition has, in {@link RepeatedFigure} order
 */
public record GatewayRepetitions(String gateway, List<String> repetitions, List<FigureSpread> figures) {

    public GatewayRepetitions {
        repetitions = List.copyOf(repetitions);
        figures = List.copyOf(figures);
    }

    /** Computes every figure of {@code gateway} over {@code repetitions}. */
    public static GatewayRepetitions of(String gateway, List<RepetitionFigures> repetitions) {
        List<FigureSpread> figures = new ArrayList<>();
        for (RepeatedFigure figure : RepeatedFigure.values()) {
            List<Observation> observed = new ArrayList<>();
            for (RepetitionFigures r : repetitions) {
                r.observation(figure).ifPresent(observed::add);
            }
            if (!observed.isEmpty()) {
                figures.add(new FigureSpread(figure, observed.stream().map(Observation::value).toList(),
                        Bootstrap.interval(observed, seed(gateway, figure))));
            }
        }
        return new GatewayRepetitions(gateway, repetitions.stream().map(RepetitionFigures::repetition).toList(),
                figures);
    }

    /** The figure, when a repetition had it. */
    public Optional<FigureSpread> figure(RepeatedFigure figure) {
        return figures.stream().filter(f -> f.figure() == figure).findFirst();
    }

    /** A seed that depends only on the gateway and the figure (String hashes are fixed by the language). */
    static long seed(String gateway, RepeatedFigure figure) {
        return 31L * gateway.hashCode() + figure.word().hashCode();
    }
}
