package org.gatewaybench.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class BackendPoolTest {

    @Test
    void startsNamedBackendsThatEachAnswerWithTheirId() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try (BackendPool pool = BackendPool.start(3, 1)) {
            assertThat(pool.servers()).extracting(BackendServer::id).containsExactly("b0", "b1", "b2");
            assertThat(pool.servers()).extracting(BackendServer::host).containsOnly("127.0.0.1");
            assertThat(pool.servers()).extracting(BackendServer::port).doesNotHaveDuplicates();
            for (BackendServer b : pool.servers()) {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + b.port() + "/p")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.body()).startsWith("backend=" + b.id() + " ");
            }
            assertThat(pool.server("b1").port()).isEqualTo(pool.servers().get(1).port());
            assertThatThrownBy(() -> pool.server("b9")).hasMessageContaining("expected one of b0..b2");
        }
    }
}
