package org.gatewaybench.gateways.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.gatewaybench.core.time.Wait;
import org.gatewaybench.gateways.GatewayException;

/** Waits until a data plane answers HTTP at all (any status: 404 means it is up without routes). */
public final class DataPlaneWait {

    private DataPlaneWait() {
    }

    public static void untilAnswering(InetSocketAddress address, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
        Wait.of("the data plane at " + uri + " to answer", timeout).every(Duration.ofSeconds(1)).ignoringErrors()
                .failWith(GatewayException::new)
                .until(() -> {
                    try {
                        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new GatewayException("interrupted while waiting for the data plane at " + uri, e);
                    }
                }, status -> true);
    }
}
