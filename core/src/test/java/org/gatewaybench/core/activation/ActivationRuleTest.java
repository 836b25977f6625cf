package org.gatewaybench.core.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActivationRuleTest {

    @Test
    void activatesAtTheFirstRequestOfThreeOksInARow() {
        ActivationRule rule = new ActivationRule(3);
        assertThat(rule.observe(PollOutcome.NOT_YET, 10)).isFalse();
        assertThat(rule.observe(PollOutcome.OK, 20)).isFalse();
        assertThat(rule.observe(PollOutcome.OK, 30)).isFalse();
        assertThat(rule.observe(PollOutcome.OK, 40)).isTrue();
        assertThat(rule.reachedAtSent()).isEqualTo(20);
        assertThat(rule.observe(PollOutcome.OK, 50)).as("reported once").isFalse();
    }

    @Test
    void anErrorOrNotYetBreaksTheStreak() {
        ActivationRule rule = new ActivationRule(3);
        rule.observe(PollOutcome.OK, 1);
        rule.observe(PollOutcome.OK, 2);
        rule.observe(PollOutcome.ERROR, 3);
        rule.observe(PollOutcome.OK, 4);
        rule.observe(PollOutcome.OK, 5);
        assertThat(rule.reached()).isFalse();
        rule.observe(PollOutcome.NOT_YET, 6);
        rule.observe(PollOutcome.OK, 7);
        rule.observe(PollOutcome.OK, 8);
        assertThat(rule.observe(PollOutcome.OK, 9)).isTrue();
        assertThat(rule.reachedAtSent()).isEqualTo(7);
    }

    @Test
    void refusesANonPositiveRequirement() {
        assertThatThrownBy(() -> new ActivationRule(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
