package org.gatewaybench.reports.confidence;

import java.util.ArrayList;
import java.util.List;

/**
 * What the intervals of several gateways' figure can show: which gateway is lower than which
 * (their intervals do not overlap), or nothing when they all overlap. Every repeated figure is
 * better lower.
 */
public final class Differences {

    /** One gateway's figure, for the comparison. */
    public record Entry(String gateway, FigureSpread spread) {
    }

    /** A difference the intervals show: {@code lower}'s figure is below {@code higher}'s, intervals apart. */
    public record Difference(Entry lower, Entry higher) {

        /** How much lower, between the medians. */
        public double by() {
            return higher.spread().interval().median() - lower.spread().interval().median();
        }
    }

    private Differences() {
    }

    /** Every pair of {@code entries} whose intervals are apart, lower first, in the entries' order. */
    public static List<Difference> apart(List<Entry> entries) {
        List<Difference> apart = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                Interval a = entries.get(i).spread().interval();
                Interval b = entries.get(j).spread().interval();
                if (!a.overlaps(b)) {
                    apart.add(a.median() <= b.median() ? new Difference(entries.get(i), entries.get(j))
                            : new Difference(entries.get(j), entries.get(i)));
                }
            }
        }
        return apart;
    }

    /**
     * The differences in words, one sentence: "b lower than a by 12.3 ms" for each pair apart, or
     * "no difference {@code source} can show" (source: "this run", "these runs"); null for fewer
     * than two entries.
     */
    public static String describe(RepeatedFigure figure, List<Entry> entries, String source) {
        if (entries.size() < 2) {
            return null;
        }
        List<Difference> apart = apart(entries);
        if (apart.isEmpty()) {
            boolean unknown = entries.stream().anyMatch(e -> !e.spread().interval().bounded());
            return "no difference " + source + " can show" + (unknown ? " (an interval needs more than one "
                    + "repetition of a count)" : " (the intervals overlap)");
        }
        List<String> parts = new ArrayList<>();
        for (Difference d : apart) {
            parts.add(d.lower().gateway() + " lower than " + d.higher().gateway() + " by " + figure.format(d.by())
                    + (figure.unit().isEmpty() ? "" : " " + figure.unit()));
        }
        return String.join("; ", parts) + " (intervals apart)";
    }
}
