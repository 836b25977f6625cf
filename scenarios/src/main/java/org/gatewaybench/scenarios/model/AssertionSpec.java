package org.gatewaybench.scenarios.model;

import java.util.List;
import org.gatewaybench.reports.assertion.Assertion;
import org.gatewaybench.reports.assertion.Figures;
import org.gatewaybench.scenarios.rules.AssertionRules;

/**
 * A bound the run must meet (as Gatling's assertions and kube-burner's thresholds): a figure of
 * the reports, a comparison with a value in the figure's unit, and optionally the gateways it
 * applies to. Judged at the end of each gateway's run; a run that completed with a failed
 * assertion ends with its own exit code.
 *
 * @param gateways the gateways it applies to; empty for every gateway of the run
 */
@CheckedBy(AssertionRules.class)
public record AssertionSpec(
        @Field(help = "the figure to bound, e.g. activation.p99, never-activated, traffic.error-rate "
                + "(`gateway-bench figures` lists them with their units)", required = true,
                pattern = Figures.PATTERN, form = "a figure name like activation.p99")
        String figure,
        @Field(help = "a comparison (<=, <, ==, !=, >=, >) and a value in the figure's unit: '<= 5s', '== 0', "
                + "'<= 0.1%', '<= 512MiB'; quote it, as YAML reads a leading > or ! as its own syntax",
                required = true, pattern = "\\s*(<=|>=|==|!=|<|>).*", form = "a bound like '<= 5s'")
        String bound,
        @Field(help = "the gateways it applies to (default: every gateway of the run)")
        List<String> gateways) {

    public AssertionSpec {
        gateways = gateways == null ? List.of() : List.copyOf(gateways);
    }

    /** The assertion to judge; the scenario's rules have checked that it is one. */
    public Assertion assertion() {
        return Assertion.of(figure, bound, gateways);
    }
}
