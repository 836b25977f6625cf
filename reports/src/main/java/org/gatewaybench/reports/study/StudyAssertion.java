package org.gatewaybench.reports.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.gatewaybench.core.journal.Repetition;
import org.gatewaybench.reports.FigureFormat;

/**
 * One assertion result of a run, read from summary.json {@code assertions[]}: a gateway (a
 * repetition's journal name), a figure with its bound, the measured value in its base unit and
 * whether it passed.
 *
 * @param measured null when the run had no such figure
 * @param unit     the base unit of {@code measured}: ns, bytes, %, count or number
 */
public record StudyAssertion(String gateway, String figure, String bound, Double measured, String unit,
                             boolean passed) {

    /** The results of an {@code assertions} array; none for a missing node. */
    static List<StudyAssertion> of(JsonNode array) {
        List<StudyAssertion> out = new ArrayList<>();
        for (JsonNode a : array) {
            JsonNode m = a.path("measured");
            out.add(new StudyAssertion(a.path("gateway").asText(), a.path("figure").asText(), a.path("bound").asText(),
                    m.isNumber() ? m.asDouble() : null, a.path("unit").asText(""), a.path("passed").asBoolean()));
        }
        return out;
    }

    /** The driver the result is of: {@code a} for {@code a#2}. */
    public String driver() {
        return Repetition.of(gateway).gateway();
    }

    /** The target it checks, as the tables name it: "activation.p99 <= 5s". */
    public String target() {
        return figure + " " + bound;
    }

    /** The measured value as people read it: ns as ms, bytes as MiB, others with their unit. */
    public String measuredText() {
        if (measured == null) {
            return "not measured";
        }
        return switch (unit) {
            case "ns" -> FigureFormat.millis(Math.round(measured)) + " ms";
            case "bytes" -> FigureFormat.significant(measured / (1024 * 1024)) + " MiB";
            case "count", "number", "" -> FigureFormat.value(measured);
            default -> FigureFormat.value(measured) + " " + unit;
        };
    }
}
