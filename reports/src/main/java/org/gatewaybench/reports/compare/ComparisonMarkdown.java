package org.gatewaybench.reports.compare;

import java.util.List;
import java.util.Locale;

/** The comparison as a Markdown table, for a terminal and for a CI job summary. */
public final class ComparisonMarkdown {

    private ComparisonMarkdown() {
    }

    public static String render(String baselineRun, String currentRun, Tolerance tolerance, List<Finding> findings) {
        StringBuilder md = new StringBuilder();
        md.append("## Regression gate: ").append(cell(currentRun)).append(" against ").append(cell(baselineRun))
                .append("\n\n");
        md.append(String.format(Locale.ROOT, "A latency regresses when it is more than %.0f%% and more than %s ms "
                        + "above the baseline; a count when it grows more than %.0f%%; an isolation check when it "
                        + "went from held or refused to violated or degraded.%n%n", tolerance.ratio() * 100,
                number(tolerance.floorNanos() / 1e6), tolerance.ratio() * 100));
        md.append("| gateway | figure | baseline | current | verdict |\n|---|---|---|---|---|\n");
        for (Finding f : findings) {
            md.append("| ").append(cell(f.gateway())).append(" | ").append(cell(f.figure()))
                    .append(f.unit().isEmpty() ? "" : " (" + f.unit() + ")").append(" | ")
                    .append(value(f.baseline(), f.baselineWord())).append(" | ")
                    .append(value(f.current(), f.currentWord())).append(" | ")
                    .append(f.verdict() == Finding.Verdict.REGRESSED ? "**regressed**"
                            : f.verdict().name().toLowerCase(Locale.ROOT)).append(" |\n");
        }
        md.append('\n').append(Comparison.regressed(findings) ? "Result: **regression**." : "Result: no regression.")
                .append('\n');
        return md.toString();
    }

    /** A number, a word, or a dash when the run lacks the figure. */
    private static String value(Double number, String word) {
        return word != null ? word : number == null ? "–" : number(number);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    /** Journal text in a table cell: pipes and line breaks would break the table. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
