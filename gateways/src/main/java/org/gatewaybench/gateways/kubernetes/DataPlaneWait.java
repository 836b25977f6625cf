package org.gatewaybench.gateways.kubernetes;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.gatewaybench.gateways.GatewayException;

/** Waits until a data plane answers HTTP at all (any status: 404 means it is up without routes). */
final class DataPlaneWait {

    private DataPlaneWait() {
    }

    static void untilAnswering(InetSocketAddress address, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no attempt";
        while (System.nanoTime() < deadline) {
            try {
                http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException("interrupted while waiting for the data plane at " + uri, e);
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException("interrupted while waiting for the data plane at " + uri, e);
            }
        }
        throw new GatewayException("the data plane at " + uri + " did not answer within " + timeout.toSeconds()
                + "s; last: " + last);
    }
}
