package org.gatewaybench.reports.html;

import org.gatewaybench.reports.analysis.RunAnalysis;

/** The activation latency distribution of every gateway in one chart. */
record ActivationCdfSection(String title) implements Section {

    @Override
    public void append(StringBuilder h, RunAnalysis a) {
        Markup.open(h, null, title(), "Share of created and updated routes active within a given time of the API's "
                + "acknowledgement. Further left is faster; a long flat tail is the slowest routes.");
        h.append("<figure>").append(Charts.activationCdf(a.activation(), a.gateways())).append("</figure></section>\n");
    }
}
