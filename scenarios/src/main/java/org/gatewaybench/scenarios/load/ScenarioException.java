package org.gatewaybench.scenarios.load;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario failed validation; nothing was started. The message lists every problem, one a line. */
public class ScenarioException extends RuntimeException {

    private final List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
