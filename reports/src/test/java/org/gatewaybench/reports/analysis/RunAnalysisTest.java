package org.gatewaybench.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.gatewaybench.core.journal.History;
import org.gatewaybench.reports.SampleHistories;
import org.junit.jupiter.api.Test;

class RunAnalysisTest {

    @Test
    void everyAnalysisComesFromOneReplayOfTheJournal() throws IOException {
        History events = SampleHistories.twoGateways(100);
        AtomicInteger replays = new AtomicInteger();
        History counted = (History) Proxy.newProxyInstance(History.class.getClassLoader(),
                new Class<?>[] {History.class}, (proxy, method, args) -> {
                    if (method.getName().equals("replay")) {
                        replays.incrementAndGet();
                    }
                    try {
                        return method.invoke(events, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        RunAnalysis analysis = RunAnalysis.of(counted);

        assertThat(replays).hasValue(1);
        assertThat(analysis.failures()).isEmpty();
        assertThat(analysis.journalEvents()).isEqualTo(events.events().size());
        assertThat(analysis.activation().get("lab-haproxy-runtime").overall().activation().count()).isEqualTo(120);
        assertThat(analysis.configApplies().get("lab-nginx-reload").figures().applies()).isPositive();
    }
}
