package org.gatewaybench.gateways.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChartImagesTest {

    @Test
    void everyContainerImageOfRenderedManifestsOnceInOrder() {
        String manifests = """
                ---
                # Source: gw/templates/controller.yaml
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  template:
                    spec:
                      initContainers:
                        - name: init
                          image: "registry.example/gw/init:1.2"
                      containers:
                        - image: registry.example/gw/controller:1.2@sha256:abc
                          name: controller
                          env:
                            - name: PROXY_IMAGE
                              value: "image: not-a-pod-spec"
                ---
                kind: DaemonSet
                spec:
                  template:
                    spec:
                      containers:
                        - name: proxy
                          image: 'docker.io/library/proxy:2' # pinned
                        - name: sidecar
                          image: registry.example/gw/controller:1.2@sha256:abc
                """;
        assertThat(ChartImages.in(manifests)).containsExactly("registry.example/gw/init:1.2",
                "registry.example/gw/controller:1.2@sha256:abc", "docker.io/library/proxy:2");
    }
}
