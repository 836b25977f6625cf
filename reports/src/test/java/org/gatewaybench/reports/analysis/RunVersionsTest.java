package org.gatewaybench.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A gateway's version in one line, as Allure's parameters show it. */
class RunVersionsTest {

    @Test
    void eachPartOnceByItsNameUnlessItNamesItselfAndAChartBeforeAll() {
        RunVersions v = new RunVersions(Map.of(), Map.of(
                "lab-nginx-reload", Map.of("nginx", "nginx/1.22.1"),
                "lab-haproxy-runtime", Map.of("haproxy", "2.6.12-1+deb12u4"),
                "ingress-nginx", Map.of("chart", "ingress-nginx-4.15.1", "controller", "v1.15.1")));
        assertThat(v.summary("lab-nginx-reload")).isEqualTo("nginx/1.22.1");
        assertThat(v.summary("lab-haproxy-runtime")).isEqualTo("haproxy 2.6.12-1+deb12u4");
        assertThat(v.summary("ingress-nginx")).isEqualTo("ingress-nginx-4.15.1");
        assertThat(v.summary("apisix")).isNull();
    }
}
