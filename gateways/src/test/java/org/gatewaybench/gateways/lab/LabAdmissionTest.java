package org.gatewaybench.gateways.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.core.route.RouteKey;
import org.junit.jupiter.api.Test;

class LabAdmissionTest {

    private static final Backend B = new Backend("one", "127.0.0.1", 1001);

    private static Route route(String tenant, String host, String path) {
        return new Route(new RouteKey(tenant, "r"), host, path, B, 1);
    }

    @Test
    void refusesWhatTheDataPlanesConfigCannotCarry() {
        LabAdmission admission = new LabAdmission(RouteTableTest.DEFAULTS);
        assertThat(admission.refusal(route("t", "a b.example", "/"), List.of())).isEqualTo("host 'a b.example' is "
                + "not a plain DNS name (letters, digits, '-', '.', an optional leading '*.', at most 253 characters)");
        assertThat(admission.refusal(route("t", "p.example", "/gateway-bench-poison;"), List.of()))
                .isEqualTo("path prefix '/gateway-bench-poison;' has characters other than letters, digits and -._~/");
        assertThat(admission.refusal(route("t", "*.w.example", "/api"), List.of())).isNull();
    }

    @Test
    void refusesSnippetsUnlessAllowedAndWhatThePolicyForbids() {
        Route snippet = new Route(new RouteKey("b", "s"), "h.example", "/", B, 1,
                Map.of(LabPolicy.SERVER_SNIPPET, "add_header X c;"), null);
        assertThat(new LabAdmission(RouteTableTest.DEFAULTS).refusal(snippet, List.of())).isEqualTo(
                "nginx.ingress.kubernetes.io/server-snippet annotation cannot be used. Snippet directives are disabled");
        LabPolicy strict = new LabPolicy(LabPolicy.ConflictPolicy.OLDEST_WINS, LabPolicy.HostOwnership.STRICT, true,
                true, LabPolicy.CrossTenantBackends.FOLLOW);
        assertThat(new LabAdmission(strict).refusal(snippet, List.of(route("a", "h.example", "/")))).isEqualTo(
                "host h.example is claimed by tenant a through h.example (host ownership strict)");
        assertThat(new LabAdmission(strict).refusal(snippet, List.of(route("b", "h.example", "/")))).isNull();
    }

    @Test
    void withValidationOffTheStoreAdmitsEverything() {
        LabPolicy off = new LabPolicy(LabPolicy.ConflictPolicy.OLDEST_WINS, LabPolicy.HostOwnership.STRICT, false,
                false, LabPolicy.CrossTenantBackends.REFUSE);
        assertThat(LabAdmission.of(off).refusal(route("t", "p.example", "/x;"), List.of(route("u", "p.example", "/"))))
                .isNull();
    }
}
