package org.gatewaybench.gateways.lab;

/** Whether a configuration apply took effect, with what a person needs to know about it. */
public record ApplyOutcome(boolean ok, String detail) {

    public static ApplyOutcome ok(String detail) {
        return new ApplyOutcome(true, detail);
    }

    public static ApplyOutcome failed(String detail) {
        return new ApplyOutcome(false, detail);
    }
}
