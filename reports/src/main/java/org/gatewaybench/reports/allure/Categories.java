package org.gatewaybench.reports.allure;

import io.qameta.allure.model.Status;
import java.util.List;
import java.util.Map;

/**
 * The categories of Allure's report (categories.json): why a result is not passed. A broken
 * result's message starts with its category's words, which the category matches.
 */
final class Categories {

    static final String TARGET_MISSED = "target missed";
    static final String HARNESS_PROBLEM = "harness problem";
    static final String NEVER_READY = "gateway never ready";
    static final String RUN_ENDED = "run ended early";

    private Categories() {
    }

    /** categories.json as Allure reads it. */
    static List<Map<String, Object>> all() {
        return List.of(
                category("Target missed", Status.FAILED, TARGET_MISSED),
                category("Gateway never ready", Status.BROKEN, NEVER_READY),
                category("Harness problem", Status.BROKEN, HARNESS_PROBLEM),
                category("Run failed or interrupted", Status.BROKEN, RUN_ENDED));
    }

    private static Map<String, Object> category(String name, Status status, String messageStart) {
        return Map.of("name", name, "matchedStatuses", List.of(status.value()), "messageRegex", messageStart + ".*");
    }
}
