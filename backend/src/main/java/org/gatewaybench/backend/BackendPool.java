package org.gatewaybench.backend;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * N backends with ids b0..bN-1 on 127.0.0.1, any free ports, on one shared event loop group: the
 * backends of the embedded lab.
 */
public final class BackendPool implements AutoCloseable {

    public static final String LOOPBACK = "127.0.0.1";

    private final EventLoopGroup group;
    private final List<BackendServer> servers;

    private BackendPool(EventLoopGroup group, List<BackendServer> servers) {
        this.group = group;
        this.servers = servers;
    }

    /**
     * Starts {@code count} backends on an event loop group of {@code threads} threads (0 = Netty's
     * default). If one cannot start, those already started are stopped.
     */
    public static BackendPool start(int count, int threads) {
        if (count < 1) {
            throw new IllegalArgumentException("backend count must be >= 1: " + count);
        }
        EventLoopGroup group = NettyTransport.newGroup(threads, "backends");
        List<BackendServer> servers = new ArrayList<>(count);
        BackendPool pool = new BackendPool(group, servers);
        try {
            for (int i = 0; i < count; i++) {
                servers.add(new BackendServer(group).start("b" + i, LOOPBACK, 0));
            }
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    /** The running servers, in id order, e.g. to stop or fault one. */
    public List<BackendServer> servers() {
        return List.copyOf(servers);
    }

    /** The server of {@code id}; fails naming the ids there are. */
    public BackendServer server(String id) {
        return servers.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no backend '" + id + "'; expected one of b0..b"
                        + (servers.size() - 1)));
    }

    @Override
    public void close() {
        for (BackendServer s : servers) {
            s.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
