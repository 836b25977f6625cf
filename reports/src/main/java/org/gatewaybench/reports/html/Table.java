package org.gatewaybench.reports.html;

import java.util.ArrayList;
import java.util.List;

/** An HTML table; cells are markup already escaped by the caller. The first column is a label. */
final class Table {

    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();
    private boolean compact;

    Table(String... headers) {
        this.headers = headers;
    }

    /** As narrow as its content, for tables of few columns. */
    Table compact() {
        compact = true;
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
        for (String head : headers) {
            t.append("<th>").append(Html.escape(head)).append("</th>");
        }
        t.append("</tr></thead><tbody>");
        for (String[] r : rows) {
            t.append("<tr>");
            for (int i = 0; i < r.length; i++) {
                t.append(i == 0 ? "<td class=\"label\">" : "<td>").append(r[i]).append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</tbody></table></div>").toString();
    }
}
