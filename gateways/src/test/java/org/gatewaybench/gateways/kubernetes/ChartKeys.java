package org.gatewaybench.gateways.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which keys a driver sets that a chart's values.yaml does not have. */
final class ChartKeys {

    private ChartKeys() {
    }

    /**
     * The leaf paths of {@code driverValues} that do not exist in {@code chartValues}. A path under
     * a key whose chart value is an empty map ({@code extraArgs: {}}) is free-form and allowed.
     */
    static List<String> unknown(Map<String, Object> driverValues, Map<String, Object> chartValues) {
        List<String> unknown = new ArrayList<>();
        for (String path : HelmValues.leafPaths(driverValues)) {
            if (!known(path, chartValues)) {
                unknown.add(path);
            }
        }
        return unknown;
    }

    private static boolean known(String path, Map<String, Object> chart) {
        Object node = chart;
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return false;
            }
            if (map.isEmpty() && node != chart) {
                return true;
            }
            if (!map.containsKey(part)) {
                return false;
            }
            node = map.get(part);
        }
        return true;
    }
}
