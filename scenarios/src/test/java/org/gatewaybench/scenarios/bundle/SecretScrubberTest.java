package org.gatewaybench.scenarios.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretScrubberTest {

    @Test
    void secretsBecomeTheMarkAndTheRestStaysIncludingJsonQuoting() {
        String line = "{\"type\":\"note\",\"message\":\"headers Authorization: Basic dXNlcjpwYXNz, \\\"apiKey\\\": k-123\","
                + "\"password\":\"p@ss\",\"tokenBucket\":3}";
        SecretScrubber.Scrubbed s = SecretScrubber.scrub(line);

        assertThat(s.text()).doesNotContain("dXNlcjpwYXNz", "p@ss", "k-123").contains("\"tokenBucket\":3", "\"type\":\"note\"")
                .contains("\"password\":\"[redacted]\"");
        assertThat(s.redacted()).containsKeys("Authorization header", "credential value");
        assertThat(SecretScrubber.scrub(s.text()).changed()).as("scrubbing twice finds nothing new").isFalse();
    }

    @Test
    void aKubeconfigIsASecretFileByItsTextAndAPlainLogIsNot() {
        assertThat(SecretScrubber.secretFile("fixture/cluster.yaml",
                "apiVersion: v1\nkind: Config\nusers:\n- name: a\n")).isEqualTo("a kubeconfig");
        assertThat(SecretScrubber.secretFile("certs/tls.key", "x")).isNotNull();
        assertThat(SecretScrubber.secretFile("gateways/g/nginx.log", "GET / 200")).isNull();
    }
}
