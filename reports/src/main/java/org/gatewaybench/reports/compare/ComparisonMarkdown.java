package org.gatewaybench.reports.compare;

import java.util.List;
import java.util.Locale;
import org.gatewaybench.reports.FigureFormat;

/**
 * The comparison as a Markdown table, for a terminal and for a CI job summary; numbers as the
 * other reports write them (a latency to 3 significant digits, 1240 not 1.24e+03; a count in full).
 */
public final class ComparisonMarkdown {

    private ComparisonMarkdown() {
    }

    public static String render(String baselineRun, String currentRun, Tolerance tolerance, List<Finding> findings) {
        StringBuilder md = new StringBuilder();
        md.append("## Regression gate: ").append(cell(currentRun)).append(" against ").append(cell(baselineRun))
                .append("\n\n");
        md.append(String.format(Locale.ROOT, "A latency regresses when it is more than %.0f%% and more than %s ms "
                        + "above the baseline; a count when it grows more than %.0f%%. When both runs have samples, "
                        + "the values are medians over their repetitions and a change beyond the tolerance counts "
                        + "only when the two 95%% intervals are apart (outside the noise the samples show). An isolation "
                        + "check regresses when it went from held or refused to violated or degraded.%n%n",
                tolerance.ratio() * 100, FigureFormat.millis(tolerance.floorNanos()), tolerance.ratio() * 100));
        md.append("| gateway | figure | baseline | current | verdict | decided by |\n|---|---|---|---|---|---|\n");
        for (Finding f : findings) {
            md.append("| ").append(cell(f.gateway())).append(" | ").append(cell(f.figure()))
                    .append(f.unit().isEmpty() ? "" : " (" + f.unit() + ")").append(" | ")
                    .append(value(f.baseline(), f.baselineWord())).append(" | ")
                    .append(value(f.current(), f.currentWord())).append(" | ")
                    .append(f.verdict() == Finding.Verdict.REGRESSED ? "**regressed**"
                            : f.verdict().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(f.decidedBy().text()).append(" |\n");
        }
        md.append('\n').append(Comparison.regressed(findings) ? "Result: **regression**." : "Result: no regression.")
                .append('\n');
        return md.toString();
    }

    /** A number, a word (an isolation verdict), or a dash when the run lacks the figure. */
    private static String value(Double number, String word) {
        return word != null ? word : number == null ? "–" : FigureFormat.value(number);
    }

    /** Journal text in a table cell: pipes and line breaks would break the table. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
