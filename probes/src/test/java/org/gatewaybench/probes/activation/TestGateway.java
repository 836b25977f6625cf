package org.gatewaybench.probes.activation;

import static org.awaitility.Awaitility.await;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gateway whose routing table the test sets: per Host it answers 404, a backend's answer (as the
 * project's backend does: 200, X-Backend-Id, {@code backend=<id> host=<Host> path=<path>}), any
 * status, a closed connection, or nothing at all. A script of replies per host goes before the
 * table, one reply per request, so a test can place a 503 exactly between two good answers.
 */
final class TestGateway implements AutoCloseable {

    /** How the gateway answers one request. */
    record Reply(Kind kind, String backendId, int status) {

        enum Kind { NOT_FOUND, BACKEND, STATUS, CLOSE, HANG }

        static Reply notFound() {
            return new Reply(Kind.NOT_FOUND, null, 404);
        }

        static Reply backend(String id) {
            return new Reply(Kind.BACKEND, id, 200);
        }

        static Reply status(int status) {
            return new Reply(Kind.STATUS, null, status);
        }

        static Reply close() {
            return new Reply(Kind.CLOSE, null, 0);
        }

        static Reply hang() {
            return new Reply(Kind.HANG, null, 0);
        }
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final Map<String, Reply> table = new ConcurrentHashMap<>();
    private final Map<String, Queue<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> requestsByHost = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    TestGateway() throws InterruptedException {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                new Router());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    /**
     * Sets how {@code host} is answered from now on.
     *
     * @return the monotonic time just before the change took effect
     */
    long set(String host, Reply reply) {
        long before = System.nanoTime();
        table.put(host, reply);
        return before;
    }

    /** Replies for the next requests to {@code host}, before the table is consulted. */
    void script(String host, Reply... replies) {
        Queue<Reply> queue = scripts.computeIfAbsent(host, h -> new ConcurrentLinkedQueue<>());
        queue.addAll(List.of(replies));
    }

    long requests() {
        return requests.get();
    }

    long requests(String host) {
        AtomicLong n = requestsByHost.get(host);
        return n == null ? 0 : n.get();
    }

    /** Waits (at most {@code maxMillis}) until {@code host} was asked {@code count} times. */
    void awaitRequests(String host, long count, long maxMillis) {
        await(count + " requests for " + host).atMost(Duration.ofMillis(maxMillis)).pollInterval(Duration.ofMillis(1))
                .until(() -> requests(host) >= count);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Router extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String hostHeader = request.headers().get(HttpHeaderNames.HOST, "");
            Queue<Reply> script = scripts.get(hostHeader);
            Reply scripted = script == null ? null : script.poll();
            Reply reply = scripted != null ? scripted : table.getOrDefault(hostHeader, Reply.notFound());
            // Counted after the reply is chosen: a test that saw N requests knows N replies are decided.
            requests.incrementAndGet();
            requestsByHost.computeIfAbsent(hostHeader, h -> new AtomicLong()).incrementAndGet();
            switch (reply.kind()) {
                case NOT_FOUND -> ctx.writeAndFlush(response(HttpResponseStatus.NOT_FOUND, "no route\n"));
                case STATUS -> ctx.writeAndFlush(response(HttpResponseStatus.valueOf(reply.status()), ""));
                case BACKEND -> {
                    FullHttpResponse answer = response(HttpResponseStatus.OK, "backend=" + reply.backendId()
                            + " host=" + hostHeader + " path=" + request.uri());
                    answer.headers().set("X-Backend-Id", reply.backendId());
                    ctx.writeAndFlush(answer);
                }
                case CLOSE -> ctx.close();
                case HANG -> { } // no answer: the client's request timeout decides
            }
        }

        private FullHttpResponse response(HttpResponseStatus status, String body) {
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
            return r;
        }
    }
}
