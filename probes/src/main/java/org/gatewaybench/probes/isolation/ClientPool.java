package org.gatewaybench.probes.isolation;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.gatewaybench.core.time.Clock;

/**
 * Data-plane clients for the probe's threads: a thread takes an idle one (or a new one) for one
 * request and gives it back, so connections are kept across requests without being shared.
 */
final class ClientPool implements AutoCloseable {

    private final InetSocketAddress dataPlane;
    private final Duration timeout;
    private final Clock clock;
    private final ConcurrentLinkedQueue<DataPlaneClient> idle = new ConcurrentLinkedQueue<>();
    private final List<DataPlaneClient> all = new ArrayList<>();

    ClientPool(InetSocketAddress dataPlane, Duration timeout, Clock clock) {
        this.dataPlane = dataPlane;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** One GET on a client of this pool. */
    DataPlaneClient.Reply get(String host, String path) {
        DataPlaneClient client = idle.poll();
        if (client == null) {
            client = new DataPlaneClient(dataPlane, timeout, clock);
            synchronized (all) {
                all.add(client);
            }
        }
        try {
            return client.get(host, path);
        } finally {
            idle.add(client);
        }
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(DataPlaneClient::close);
            all.clear();
        }
        idle.clear();
    }
}
