package org.gatewaybench.gateways;

/**
 * One setting a scenario can give a driver under {@code gateways[].options}.
 *
 * @param name     the key in the scenario
 * @param type     duration (e.g. "2s", "300ms"), integer, string or boolean
 * @param fallback the value when the scenario gives none, as text
 * @param help     what it does, for `gateway-bench gateways` and the JSON schema
 */
public record GatewayOption(String name, Type type, String fallback, String help) {

    public enum Type { DURATION, INTEGER, STRING, BOOLEAN }
}
