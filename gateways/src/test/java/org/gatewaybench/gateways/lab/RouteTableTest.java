package org.gatewaybench.gateways.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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

    static final LabPolicy DEFAULTS = new LabPolicy(LabPolicy.ConflictPolicy.OLDEST_WINS,
            LabPolicy.HostOwnership.SHARED, true, false, LabPolicy.CrossTenantBackends.FOLLOW);

    private final RouteTable table = new RouteTable(Set.of("one", "two"), DEFAULTS);

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
    void theOldestClaimWinsAConflictWhateverTheNamesAndTheNextTakesOverWhenItGoes() {
        Route first = route("b", "same.example", "/", ONE);
        Route second = route("a", "same.example", "/", TWO);
        table.apply(List.of(added(first)));

        assertThat(table.apply(List.of(added(second))).changes()).as("the later claim waits").isEmpty();
        assertThat(table.apply(List.of(modified(first.withBackend(ONE)))).changes())
                .as("an update keeps the claim's age").isEmpty();
        assertThat(table.apply(List.of(deleted(first))).changes())
                .containsExactly(new EntryChange(EntryChange.Kind.SET, new Entry("same.example", "/", TWO)));
        assertThat(table.routeCount()).isEqualTo(1);
    }

    @Test
    void newestWinsLetsALaterClaimTakeTheHostAndGiveItBack() {
        RouteTable newest = new RouteTable(Set.of("one", "two"), new LabPolicy(LabPolicy.ConflictPolicy.NEWEST_WINS,
                LabPolicy.HostOwnership.SHARED, true, false, LabPolicy.CrossTenantBackends.FOLLOW));
        Route victim = new Route(new RouteKey("a", "r"), "same.example", "/", ONE, 1);
        Route attacker = new Route(new RouteKey("b", "r"), "same.example", "/", TWO, 1);
        newest.apply(List.of(added(victim)));

        assertThat(newest.apply(List.of(added(attacker))).changes())
                .containsExactly(new EntryChange(EntryChange.Kind.SET, new Entry("same.example", "/", TWO)));
        assertThat(newest.apply(List.of(deleted(attacker))).changes())
                .containsExactly(new EntryChange(EntryChange.Kind.SET, new Entry("same.example", "/", ONE)));
    }

    @Test
    void strictHostOwnershipRefusesAnotherTenantsHostAndAWildcardOverIt() {
        RouteTable strict = new RouteTable(Set.of("one", "two"), new LabPolicy(LabPolicy.ConflictPolicy.OLDEST_WINS,
                LabPolicy.HostOwnership.STRICT, false, false, LabPolicy.CrossTenantBackends.FOLLOW));
        strict.apply(List.of(added(new Route(new RouteKey("a", "r"), "app.a.example", "/", ONE, 1))));

        RouteTable.Diff diff = strict.apply(List.of(
                added(new Route(new RouteKey("b", "api"), "app.a.example", "/api", TWO, 1)),
                added(new Route(new RouteKey("b", "wild"), "*.a.example", "/", TWO, 1)),
                added(new Route(new RouteKey("a", "more"), "app.a.example", "/more", ONE, 1)),
                added(new Route(new RouteKey("b", "own"), "x.b.example", "/", TWO, 1))));

        assertThat(diff.refused()).containsExactly(
                "route b/api refused: host app.a.example is claimed by tenant a through app.a.example (host ownership strict)",
                "route b/wild refused: host *.a.example is claimed by tenant a through app.a.example (host ownership strict)");
        assertThat(diff.changes()).extracting(c -> c.entry().key())
                .containsExactlyInAnyOrder("app.a.example/more", "x.b.example/");
    }

    @Test
    void aRouteNamingAnotherTenantsServiceIsRefusedOnlyWhenThePolicySays() {
        Route reference = new Route(new RouteKey("b", "x"), "x.b.example", "/", ONE, 1, Map.of(), "a");
        assertThat(table.apply(List.of(added(reference))).changes()).hasSize(1);

        RouteTable refusing = new RouteTable(Set.of("one", "two"), new LabPolicy(LabPolicy.ConflictPolicy.OLDEST_WINS,
                LabPolicy.HostOwnership.SHARED, false, false, LabPolicy.CrossTenantBackends.REFUSE));
        assertThat(refusing.apply(List.of(added(reference))).refused()).containsExactly("route b/x refused: its "
                + "backend is a Service of tenant a, which tenant b may not name (cross-tenant backends refused)");
    }

    @Test
    void snippetAnnotationsReachTheEntryOnlyWhenAllowed() {
        Route snippet = new Route(new RouteKey("b", "s"), "h.example", "/s", TWO, 1, Map.of(LabPolicy.SERVER_SNIPPET,
                "add_header X-Canary c;", LabPolicy.CONFIGURATION_SNIPPET, "return 418;"), null);
        assertThat(table.apply(List.of(added(snippet))).changes()).extracting(EntryChange::entry)
                .containsExactly(new Entry("h.example", "/s", TWO));

        RouteTable allowing = new RouteTable(Set.of("one", "two"), new LabPolicy(LabPolicy.ConflictPolicy.OLDEST_WINS,
                LabPolicy.HostOwnership.SHARED, true, true, LabPolicy.CrossTenantBackends.FOLLOW));
        assertThat(allowing.apply(List.of(added(snippet))).changes()).extracting(EntryChange::entry)
                .containsExactly(new Entry("h.example", "/s", TWO, "add_header X-Canary c;", "return 418;"));
    }

    @Test
    void aRouteToABackendTheDataPlaneLacksIsRefusedAndWhateverElseIsRendered() {
        RouteTable.Diff diff = table.apply(List.of(
                added(route("ghost", "d.example", "/", new Backend("ghost", "127.0.0.1", 1003))),
                added(route("poison", "p.example", "/x;y", ONE))));

        assertThat(diff.refused()).containsExactly(
                "route t/ghost refused: backend 'ghost' is not one of the installed backends " + Set.of("one", "two"));
        assertThat(diff.changes()).as("path syntax is the admission's job, not the controller's")
                .containsExactly(new EntryChange(EntryChange.Kind.ADD, new Entry("p.example", "/x;y", ONE)));
    }

    @Test
    void entriesAreGroupedByHostForRendering() {
        table.apply(List.of(added(route("a", "h.example", "/", ONE)), added(route("b", "h.example", "/api", TWO)),
                added(route("c", "g.example", "/", TWO))));
        assertThat(table.byHost()).containsOnlyKeys("g.example", "h.example");
        assertThat(table.byHost().get("h.example")).containsEntry("/", new Entry("h.example", "/", ONE))
                .containsEntry("/api", new Entry("h.example", "/api", TWO));
    }

    @Test
    void aRouteNamedInNeverServeIsLeftOutWithoutAWordAndOthersAreServed() {
        RouteTable buggy = new RouteTable(Set.of("one", "two"), DEFAULTS, Set.of("b"));
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
