package org.gatewaybench.backend;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The backend that routes point at. Every answer names the backend, so a probe can tell the right
 * backend from a wrong one:
 * <ul>
 *   <li>any path, HTTP/1.1 (keep-alive) or HTTP/2 cleartext (prior knowledge or {@code Upgrade: h2c}):
 *       200, {@code X-Backend-Id: <id>}, {@code text/plain}, body
 *       {@code backend=<id> host=<Host header> path=<path>\n};</li>
 *   <li>a path ending in {@code /ws} with a WebSocket upgrade: echoes text frames;</li>
 *   <li>a path ending in {@code /stream} ({@code ?interval=1s}, default 1s): a server-sent event
 *       stream sending {@code data: <seq> <id>\n\n} every interval until the client closes.</li>
 * </ul>
 * The endpoints match on the last path segment because a gateway forwards a route's path prefix
 * unchanged ({@code /tenant-a/ws}).
 *
 * <p>Many servers can share one event loop group (see {@link BackendPool}); a server given no
 * group makes and closes its own. Closing a server closes every connection it accepted, as a
 * killed backend would.
 */
public final class BackendServer implements AutoCloseable {

    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private volatile BackendFault fault = BackendFault.NONE;
    private String id;
    private String bindHost;
    private Channel listener;

    /** A server with an event loop group of its own. */
    public BackendServer() {
        this(NettyTransport.newGroup(1, "backend"), true);
    }

    /** A server on a shared group, which it does not close. */
    public BackendServer(EventLoopGroup group) {
        this(Objects.requireNonNull(group, "group"), false);
    }

    private BackendServer(EventLoopGroup group, boolean ownsGroup) {
        this.group = group;
        this.ownsGroup = ownsGroup;
    }

    /**
     * Starts listening.
     *
     * @param id       the id put in every answer
     * @param bindHost the address to listen on, e.g. 127.0.0.1
     * @param port     the port, 0 for any free port
     * @return this server, listening
     * @throws IllegalStateException if already started or the address cannot be bound
     */
    public synchronized BackendServer start(String id, String bindHost, int port) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bindHost, "bindHost");
        if (id.isBlank() || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("backend id must be a non-empty word without spaces: '" + id + "'");
        }
        if (listener != null) {
            throw new IllegalStateException("backend " + this.id + " is already started");
        }
        this.id = id;
        this.bindHost = bindHost;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NettyTransport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new BackendChannelInitializer(this, connections));
        ChannelFuture bound = bootstrap.bind(bindHost, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("backend " + id + " cannot listen on " + bindHost + ":" + port + ": "
                    + bound.cause(), bound.cause());
        }
        listener = bound.channel();
        return this;
    }

    /** The id this server puts in its answers. */
    public String id() {
        return id;
    }

    /** The port it listens on. */
    public int port() {
        requireStarted();
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** The address it listens on, as given to {@link #start}. */
    public String host() {
        requireStarted();
        return bindHost;
    }

    /** Switches the server into a misbehaviour (or back with {@link BackendFault#NONE}). */
    public void fault(BackendFault fault) {
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    public BackendFault fault() {
        return fault;
    }

    /** Client connections open now. */
    public int openConnections() {
        return connections.size();
    }

    private void requireStarted() {
        if (listener == null) {
            throw new IllegalStateException("backend is not started");
        }
    }

    /** Stops listening and closes every open connection; the group too if it is this server's own. */
    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        if (ownsGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
