package org.gatewaybench.gateways.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteChange;
import org.gatewaybench.core.route.RouteKey;
import org.gatewaybench.gateways.lab.RouteTable.Entry;
import org.gatewaybench.gateways.lab.RouteTable.EntryChange;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final Backend ONE = new Backend("one", "127.0.0.1", 1001);
    private static final Backend TWO = new Backend("two", "127.0.0.1", 1002);

    private final RouteTable table = new RouteTable(Set.of("one", "two"));

    @Test
    void createsUpdatesAndDeletesBecomeEntryChanges() {
        Route a = route("a", "A.example", "/", ONE);

        assertThat(table.apply(List.of(added(a))).changes())
                .containsExactly(new EntryChange(EntryChange.Kind.ADD, new Entry("a.example", "/", ONE)));
        assertThat(table.apply(List.of(modified(a.withBackend(TWO)))).changes())
                .containsExactly(new EntryChange(EntryChange.Kind.SET, new Entry("a.example", "/", TWO)));
        assertThat(table.apply(List.of(deleted(a))).changes())
                .containsExactly(new EntryChange(EntryChange.Kind.DEL, new Entry("a.example", "/", TWO)));
        assertThat(table.routeCount()).isZero();
    }

    @Test
    void aBatchThatCancelsItselfOutChangesNothing() {
        Route a = route("a", "a.example", "/", ONE);
        RouteTable.Diff diff = table.apply(List.of(added(a), modified(a.withBackend(TWO)), deleted(a)));
        assertThat(diff.changes()).isEmpty();
        assertThat(table.entries()).isEmpty();
    }

    @Test
    void theSmallestKeyWinsAConflictAndTheNextTakesOverWhenItGoes() {
        Route first = route("a", "same.example", "/", ONE);
        Route second = route("b", "same.example", "/", TWO);
        table.apply(List.of(added(second)));

        assertThat(table.apply(List.of(added(first))).changes())
                .containsExactly(new EntryChange(EntryChange.Kind.SET, new Entry("same.example", "/", ONE)));
        assertThat(table.apply(List.of(deleted(first))).changes())
                .containsExactly(new EntryChange(EntryChange.Kind.SET, new Entry("same.example", "/", TWO)));
        assertThat(table.routeCount()).isEqualTo(1);
    }

    @Test
    void routesAConfigCannotCarryAreRefusedWithTheReason() {
        RouteTable.Diff diff = table.apply(List.of(
                added(route("space", "a b.example", "/", ONE)),
                added(route("semicolon", "c.example", "/x;y", ONE)),
                added(route("ghost", "d.example", "/", new Backend("ghost", "127.0.0.1", 1003))),
                added(route("fine", "e.example", "/ok", ONE))));

        assertThat(diff.refused()).containsExactly(
                "route t/space refused: host 'a b.example' is not a plain DNS name (letters, digits, '-', '.', at most 253 characters)",
                "route t/semicolon refused: path prefix '/x;y' has characters other than letters, digits and -._~/",
                "route t/ghost refused: backend 'ghost' is not one of the installed backends " + Set.of("one", "two"));
        assertThat(diff.changes()).containsExactly(new EntryChange(EntryChange.Kind.ADD, new Entry("e.example", "/ok", ONE)));
    }

    @Test
    void entriesAreGroupedByHostForRendering() {
        table.apply(List.of(added(route("a", "h.example", "/", ONE)), added(route("b", "h.example", "/api", TWO)),
                added(route("c", "g.example", "/", TWO))));
        assertThat(table.byHost()).containsOnlyKeys("g.example", "h.example");
        assertThat(table.byHost().get("h.example")).containsEntry("/", ONE).containsEntry("/api", TWO);
    }

    @Test
    void aRouteNamedInNeverServeIsLeftOutWithoutAWordAndOthersAreServed() {
        RouteTable buggy = new RouteTable(Set.of("one", "two"), Set.of("b"));
        RouteTable.Diff diff = buggy.apply(List.of(added(route("a", "a.example", "/", ONE)),
                added(route("b", "b.example", "/", ONE))));

        assertThat(diff.changes()).containsExactly(new EntryChange(EntryChange.Kind.ADD, new Entry("a.example", "/", ONE)));
        assertThat(diff.refused()).isEmpty();
        assertThat(buggy.apply(List.of(modified(route("b", "b.example", "/", TWO)))).changes()).isEmpty();
        assertThat(buggy.apply(List.of(deleted(route("b", "b.example", "/", TWO)))).changes()).isEmpty();
    }

    private static Route route(String name, String host, String path, Backend backend) {
        return new Route(new RouteKey("t", name), host, path, backend, 1);
    }

    private static RouteChange added(Route r) {
        return new RouteChange(RouteChange.Kind.ADDED, r);
    }

    private static RouteChange modified(Route r) {
        return new RouteChange(RouteChange.Kind.MODIFIED, r);
    }

    private static RouteChange deleted(Route r) {
        return new RouteChange(RouteChange.Kind.DELETED, r);
    }
}
