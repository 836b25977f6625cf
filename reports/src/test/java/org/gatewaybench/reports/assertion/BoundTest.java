package org.gatewaybench.reports.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundTest {

    @Test
    void readsTheValueInTheFiguresBaseUnit() {
        assertThat(Bound.parse("<= 5s", Unit.DURATION)).isEqualTo(new Bound(Relation.AT_MOST, 5e9, "<= 5s"));
        assertThat(Bound.parse("  <250ms ", Unit.DURATION)).isEqualTo(new Bound(Relation.BELOW, 250e6, "<250ms"));
        assertThat(Bound.parse("<= 512MiB", Unit.BYTES).value()).isEqualTo(512.0 * 1024 * 1024);
        assertThat(Bound.parse("<= 1Gi", Unit.BYTES).value()).isEqualTo(1024.0 * 1024 * 1024);
        assertThat(Bound.parse("<= 4096", Unit.BYTES).value()).isEqualTo(4096);
        assertThat(Bound.parse("<= 0.1%", Unit.PERCENT).value()).isEqualTo(0.1);
        assertThat(Bound.parse("== 0", Unit.COUNT)).isEqualTo(new Bound(Relation.EQUAL, 0, "== 0"));
        assertThat(Bound.parse("!= 3", Unit.COUNT).relation()).isEqualTo(Relation.NOT_EQUAL);
        assertThat(Bound.parse(">= 0.5", Unit.NUMBER)).isEqualTo(new Bound(Relation.AT_LEAST, 0.5, ">= 0.5"));
        assertThat(Bound.parse("> 1", Unit.NUMBER).relation()).isEqualTo(Relation.ABOVE);
    }

    @Test
    void eachRelationHoldsOnlyWhereItShould() {
        assertThat(Bound.parse("<= 5s", Unit.DURATION).holds(5e9)).isTrue();
        assertThat(Bound.parse("<= 5s", Unit.DURATION).holds(5e9 + 1)).isFalse();
        assertThat(Bound.parse("< 5s", Unit.DURATION).holds(5e9)).isFalse();
        assertThat(Bound.parse("== 0", Unit.COUNT).holds(0)).isTrue();
        assertThat(Bound.parse("== 0", Unit.COUNT).holds(1)).isFalse();
        assertThat(Bound.parse("!= 0", Unit.COUNT).holds(0)).isFalse();
        assertThat(Bound.parse(">= 2", Unit.COUNT).holds(2)).isTrue();
        assertThat(Bound.parse("> 2", Unit.COUNT).holds(2)).isFalse();
    }

    @Test
    void aValueOfAnotherUnitIsRefusedNamingWhatItIs() {
        assertThatThrownBy(() -> Bound.parse("<= 512Mi", Unit.DURATION)).isInstanceOfSatisfying(
                InvalidAssertionException.class, e -> {
                    assertThat(e.field()).isEqualTo("bound");
                    assertThat(e.expected()).isEqualTo(Unit.DURATION.form());
                    assertThat(e.found()).isEqualTo("'512Mi', a size");
                });
        assertThatThrownBy(() -> Bound.parse("<= 5s", Unit.BYTES)).isInstanceOfSatisfying(
                InvalidAssertionException.class, e -> assertThat(e.found()).isEqualTo("'5s', a duration"));
        assertThatThrownBy(() -> Bound.parse("<= 0.1", Unit.PERCENT)).isInstanceOfSatisfying(
                InvalidAssertionException.class, e -> assertThat(e.expected()).contains("0.1%"));
        assertThatThrownBy(() -> Bound.parse("== 0.5", Unit.COUNT)).isInstanceOf(InvalidAssertionException.class);
    }

    @Test
    void boundsNoFigureCanMeetAreRefused() {
        assertThatThrownBy(() -> Bound.parse("<= -5s", Unit.DURATION)).isInstanceOfSatisfying(
                InvalidAssertionException.class, e -> assertThat(e.expected()).contains("never negative"));
        assertThatThrownBy(() -> Bound.parse("<= 120%", Unit.PERCENT)).isInstanceOfSatisfying(
                InvalidAssertionException.class, e -> assertThat(e.found()).contains("more than 100%"));
        assertThatThrownBy(() -> Bound.parse("< 0", Unit.COUNT)).isInstanceOfSatisfying(
                InvalidAssertionException.class, e -> assertThat(e.found()).contains("which no count can meet"));
        assertThatThrownBy(() -> Bound.parse("> 100%", Unit.PERCENT)).isInstanceOf(InvalidAssertionException.class);
        assertThat(Bound.parse("<= 100%", Unit.PERCENT).value()).isEqualTo(100);
    }

    @Test
    void aBoundWithoutComparisonIsRefused() {
        for (String text : new String[] {"5s", "=< 5s", "", "= 0"}) {
            assertThatThrownBy(() -> Bound.parse(text, Unit.DURATION)).as(text).isInstanceOfSatisfying(
                    InvalidAssertionException.class, e -> assertThat(e.expected()).isEqualTo(Bound.FORM));
        }
    }
}
