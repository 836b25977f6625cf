package org.gatewaybench.reports.allure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gatewaybench.reports.analysis.RunFacts;

/**
 * executor.json: the CI build that rendered the reports, from GitHub Actions' default environment
 * variables (GITHUB_ACTIONS, GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID,
 * GITHUB_RUN_NUMBER, GITHUB_WORKFLOW). Allure shows it as the report's executor and orders
 * history by its build order.
 */
final class Executor {

    private Executor() {
    }

    /** The executor, when {@code env} is GitHub Actions'; empty elsewhere. */
    static Optional<Map<String, Object>> of(Map<String, String> env, RunFacts facts) {
        if (!"true".equals(env.get("GITHUB_ACTIONS"))) {
            return Optional.empty();
        }
        String repository = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com") + "/"
                + env.getOrDefault("GITHUB_REPOSITORY", "");
        String number = env.getOrDefault("GITHUB_RUN_NUMBER", "");
        Map<String, Object> executor = new LinkedHashMap<>();
        executor.put("name", "GitHub Actions");
        executor.put("type", "github");
        executor.put("url", repository);
        if (number.matches("\\d+")) {
            executor.put("buildOrder", Long.parseLong(number));
        }
        executor.put("buildName", env.getOrDefault("GITHUB_WORKFLOW", "workflow") + " #" + number);
        executor.put("buildUrl", repository + "/actions/runs/" + env.getOrDefault("GITHUB_RUN_ID", ""));
        executor.put("reportName", "gateway-bench: " + (facts == null ? "run" : facts.scenario()));
        return Optional.of(executor);
    }
}
