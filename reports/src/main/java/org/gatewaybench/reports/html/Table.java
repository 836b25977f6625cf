package org.gatewaybench.reports.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An HTML table; cells are markup already escaped by the caller. The first column is a label;
 * the others are right-aligned as figures are, unless marked as text.
 */
final class Table {

    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();
    private final Set<Integer> text = new HashSet<>();
    private boolean compact;

    Table(String... headers) {
        this.headers = headers;
    }

    /** As narrow as its content, for tables of few columns. */
    Table compact() {
        compact = true;
        return this;
    }

    /** Left-aligns the columns at {@code columns} (0 is the label): words, not figures. */
    Table text(int... columns) {
        for (int c : columns) {
            text.add(c);
        }
        return this;
    }

    void row(String... cells) {
        rows.add(cells);
    }

    /** Whether the table has no row. */
    boolean isEmpty() {
        return rows.isEmpty();
    }

    String html() {
        StringBuilder t = new StringBuilder("<div class=\"scroll\"><table")
                .append(compact ? " class=\"compact\"" : "").append("><thead><tr>");
        for (int i = 0; i < headers.length; i++) {
            t.append(text.contains(i) ? "<th class=\"text\">" : "<th>").append(Html.escape(headers[i])).append("</th>");
        }
        t.append("</tr></thead><tbody>");
        for (String[] r : rows) {
            t.append("<tr>");
            for (int i = 0; i < r.length; i++) {
                t.append(i == 0 ? "<td class=\"label\">" : text.contains(i) ? "<td class=\"text\">" : "<td>")
                        .append(r[i]).append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</tbody></table></div>").toString();
    }
}
