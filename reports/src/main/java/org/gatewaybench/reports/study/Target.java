package org.gatewaybench.reports.study;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.reports.FigureFormat;

/**
 * How one gateway fared against one target over the runs of a study: the study's answer, one row.
 *
 * @param target     "activation.p99 <= 5s"
 * @param met        whether it held in every run (repetition)
 * @param passedRuns runs (repetitions) in which it held
 * @param runs       runs (repetitions) that judged it
 * @param measured   the value of the worst run (the highest under an upper bound, the lowest under
 *                   a lower one, else the median), as people read it
 * @param margin     by how much the worst run met or missed the bound ("4880 ms under the bound"),
 *                   or null when the bound cannot be read as a number
 */
public record Target(String gateway, String target, boolean met, int passedRuns, int runs, String measured,
                     String margin) {

    private static final Pattern BOUND = Pattern.compile("\\s*(<=|<|>=|>|==|!=)\\s*(.+?)\\s*");

    /** The row of {@code results}: the same gateway and target in each run. */
    static Target of(String gateway, String target, List<StudyAssertion> results) {
        int passed = (int) results.stream().filter(StudyAssertion::passed).count();
        List<StudyAssertion> measured = results.stream().filter(r -> r.measured() != null)
                .sorted((a, b) -> Double.compare(a.measured(), b.measured())).toList();
        StudyAssertion worst = measured.isEmpty() ? null : measured.get(worstIndex(results.get(0).bound(),
                measured.size()));
        String margin = worst == null ? null : margin(worst.bound(), worst.measured(), worst.unit());
        return new Target(gateway, target, passed == results.size(), passed, results.size(),
                worst == null ? "not measured" : worst.measuredText(), margin);
    }

    /** Among {@code n} ascending values, the worst under {@code bound}: the last under an upper bound, the first under a lower. */
    private static int worstIndex(String bound, int n) {
        String b = bound.trim();
        return b.startsWith("<") ? n - 1 : b.startsWith(">") ? 0 : (n - 1) / 2;
    }

    /** bound minus measured, in words, for an upper bound in ns, %, a count or a number; null otherwise. */
    static String margin(String bound, double measured, String unit) {
        Matcher m = BOUND.matcher(bound);
        if (!m.matches() || !m.group(1).startsWith("<")) {
            return null;
        }
        double limit;
        try {
            limit = switch (unit) {
                case "ns" -> Durations.parse(m.group(2)).toNanos();
                case "%" -> Double.parseDouble(m.group(2).replace("%", ""));
                case "count", "number", "" -> Double.parseDouble(m.group(2));
                default -> Double.NaN;
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (Double.isNaN(limit)) {
            return null;
        }
        double d = limit - measured;
        String amount = "ns".equals(unit) ? FigureFormat.millis(Math.round(Math.abs(d))) + " ms"
                : FigureFormat.value(Math.abs(d)) + ("%".equals(unit) ? " points" : "");
        return d >= 0 ? amount + " under the bound" : amount + " over the bound";
    }
}
