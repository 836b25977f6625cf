package org.gatewaybench.probes.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatewaybench.core.resources.ProcessRole;
import org.junit.jupiter.api.Test;

class ProcessTitlesTest {

    private static final String NGINX_MASTER = "nginx: master process /usr/sbin/nginx -c /tmp/x/nginx.conf";

    @Test
    void nginxProcessTitlesNameTheirRoles() {
        assertThat(ProcessTitles.role(NGINX_MASTER, true, NGINX_MASTER)).isEqualTo(ProcessRole.MASTER);
        assertThat(ProcessTitles.role("nginx: worker process", false, NGINX_MASTER)).isEqualTo(ProcessRole.WORKER);
        assertThat(ProcessTitles.role("nginx: worker process is shutting down", false, NGINX_MASTER))
                .isEqualTo(ProcessRole.DRAINING_WORKER);
        assertThat(ProcessTitles.role("nginx: cache manager process", false, NGINX_MASTER))
                .isEqualTo(ProcessRole.CACHE);
    }

    @Test
    void haproxyMasterWorkerIsToldByTheRootsFlags() {
        String haproxy = "/usr/sbin/haproxy -W -db -f /tmp/h/haproxy.cfg";
        assertThat(ProcessTitles.role(haproxy, true, haproxy)).isEqualTo(ProcessRole.MASTER);
        assertThat(ProcessTitles.role(haproxy, false, haproxy)).isEqualTo(ProcessRole.WORKER);
        String single = "/usr/sbin/haproxy -db -f /tmp/h/haproxy.cfg";
        assertThat(ProcessTitles.role(single, true, single)).isEqualTo(ProcessRole.MAIN);
    }

    @Test
    void anythingElseIsMainOrChild() {
        assertThat(ProcessTitles.role("java -jar envoy-sim.jar", true, "java -jar envoy-sim.jar"))
                .isEqualTo(ProcessRole.MAIN);
        assertThat(ProcessTitles.role("sh -c sleep 5", false, "java -jar x.jar")).isEqualTo(ProcessRole.CHILD);
    }
}
