package org.gatewaybench.probes.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessRoleTest {

    private static final String NGINX_MASTER = "nginx: master process /usr/sbin/nginx -c /tmp/x/nginx.conf";

    @Test
    void nginxProcessTitlesNameTheirRoles() {
        assertThat(ProcessRole.classify(NGINX_MASTER, true, NGINX_MASTER)).isEqualTo(ProcessRole.MASTER);
        assertThat(ProcessRole.classify("nginx: worker process", false, NGINX_MASTER)).isEqualTo(ProcessRole.WORKER);
        assertThat(ProcessRole.classify("nginx: worker process is shutting down", false, NGINX_MASTER))
                .isEqualTo(ProcessRole.DRAINING_WORKER);
        assertThat(ProcessRole.classify("nginx: cache manager process", false, NGINX_MASTER))
                .isEqualTo(ProcessRole.CACHE);
    }

    @Test
    void haproxyMasterWorkerIsToldByTheRootsFlags() {
        String haproxy = "/usr/sbin/haproxy -W -db -f /tmp/h/haproxy.cfg";
        assertThat(ProcessRole.classify(haproxy, true, haproxy)).isEqualTo(ProcessRole.MASTER);
        assertThat(ProcessRole.classify(haproxy, false, haproxy)).isEqualTo(ProcessRole.WORKER);
        String single = "/usr/sbin/haproxy -db -f /tmp/h/haproxy.cfg";
        assertThat(ProcessRole.classify(single, true, single)).isEqualTo(ProcessRole.MAIN);
    }

    @Test
    void anythingElseIsMainOrChild() {
        assertThat(ProcessRole.classify("java -jar envoy-sim.jar", true, "java -jar envoy-sim.jar"))
                .isEqualTo(ProcessRole.MAIN);
        assertThat(ProcessRole.classify("sh -c sleep 5", false, "java -jar x.jar")).isEqualTo(ProcessRole.CHILD);
    }
}
