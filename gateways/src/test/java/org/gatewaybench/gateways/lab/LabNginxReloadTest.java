package org.gatewaybench.gateways.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.route.Backend;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.gateways.InstallContext;
import org.gatewaybench.gateways.GatewayDriver;
import org.gatewaybench.gateways.GatewayCatalog;
import org.gatewaybench.gateways.lab.nginx.NginxReloadDriver;
import org.junit.jupiter.api.Test;

class LabNginxReloadTest extends LabGatewayContract {

    @Override
    GatewayDriver driver() {
        return GatewayCatalog.find(NginxReloadDriver.NAME).orElseThrow();
    }

    @Override
    String mechanism() {
        return "reload";
    }

    @Override
    String installHint() {
        return "apt-get install nginx";
    }

    @Test
    void theSyncRateLimitHoldsTheNextReloadBack() {
        Duration limit = Duration.ofSeconds(2);
        install(Map.of("syncRateLimit", "2s"));
        gateway.routes().create(route("first", "first.example", "/", one.backend()));
        awaitServedBy("first.example", "/", "one");
        long firstReload = applyStarts().get(0).at().mono();

        gateway.routes().create(route("second", "second.example", "/", two.backend()));
        LabHttp.Answer served = await().atMost(ACTIVATION_BOUND).pollInterval(Duration.ofMillis(20))
                .until(() -> get("second.example", "/"), a -> a.servedBy("two"));

        // The request that first found the second route left no earlier than 2 s after the first reload.
        assertThat(Duration.ofNanos(served.sentNanos() - firstReload)).isGreaterThanOrEqualTo(limit);
        List<Events.ConfigApplyStarted> starts = applyStarts();
        assertThat(starts).hasSize(2);
        assertThat(Duration.ofNanos(starts.get(1).at().mono() - firstReload)).isGreaterThanOrEqualTo(limit);
    }

    @Test
    void aReloadForksNewWorkersUnderTheSameMaster() {
        install(Map.of("workerProcesses", "2"));
        long master = Long.parseLong(gateway.details().get("pid"));
        List<Long> before = ProcessHandle.of(master).orElseThrow().children().map(ProcessHandle::pid).toList();

        gateway.routes().create(route("a", "a.example", "/", one.backend()));
        awaitServedBy("a.example", "/", "one");
        await().atMost(ACTIVATION_BOUND).until(() -> applyEnds().size() == 1);

        assertThat(gateway.details().get("pid")).isEqualTo(Long.toString(master));
        assertThat(applyEnds().get(0).ok()).isTrue();
        // Each new worker the apply reported is a child of the master that was not there before.
        String detail = applyEnds().get(0).detail();
        List<Long> fresh = ProcessHandle.of(master).orElseThrow().children().map(ProcessHandle::pid)
                .filter(pid -> !before.contains(pid)).toList();
        assertThat(fresh).hasSize(2).allSatisfy(pid -> assertThat(detail).contains(Long.toString(pid)));
        assertThat(gateway.details()).containsEntry("workerProcesses", "2");
        assertThat(gateway.details().get("version")).startsWith("nginx/");
    }

    @Test
    void aConfigNginxRejectsIsAClearErrorAndStartsNothing() {
        Backend broken = new Backend("broken", "127.0.0.1 extra", 80);
        InstallContext context = new InstallContext(fixture, journal, Clock.SYSTEM, Map.of(), List.of(broken),
                dir.resolve("broken"));

        assertThatThrownBy(() -> driver().install(context))
                .isInstanceOf(GatewayException.class)
                .hasMessageStartingWith("nginx rejected its config " + dir.resolve("broken").toAbsolutePath().resolve("nginx.conf"))
                .hasMessageContaining("[emerg] invalid parameter");
        assertThat(fixture.processes().processes()).isEmpty();
    }

    @Test
    void theApplyDelayHoldsEveryChangeBack() {
        install(Map.of("applyDelay", "1s"));
        long created = System.nanoTime();
        gateway.routes().create(route("a", "a.example", "/", one.backend()));
        LabHttp.Answer served = await().atMost(ACTIVATION_BOUND).pollInterval(Duration.ofMillis(20))
                .until(() -> get("a.example", "/"), a -> a.servedBy("one"));

        assertThat(Duration.ofNanos(served.sentNanos() - created)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
}
