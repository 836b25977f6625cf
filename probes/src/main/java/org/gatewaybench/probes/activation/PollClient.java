package org.gatewaybench.probes.activation;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.backend.BackendHeaders;
import org.gatewaybench.core.time.Clock;

/**
 * HTTP/1.1 GETs to one data plane over a fixed pool of keep-alive connections, one request in
 * flight per connection. A connection that closes is opened again by its next request, so a
 * gateway that restarts is reached again without a reconnect loop of its own: the caller's budget
 * paces connects as it paces requests. Every request ends in exactly one {@link Answer}.
 *
 * <p>Confined to one event loop: every method is called on {@code loop}, every answer is delivered
 * there.
 */
final class PollClient {

    /** Receives the one answer of a request. */
    interface AnswerHandler {
        void answered(Answer answer);
    }

    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String USER_AGENT = "gateway-bench-activation-probe";

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final InetSocketAddress dataPlane;
    private final long requestTimeoutNanos;
    private final Clock clock;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> all = new ArrayList<>();

    PollClient(EventLoop loop, Class<? extends SocketChannel> channelType, InetSocketAddress dataPlane,
               int connections, Duration requestTimeout, Clock clock) {
        this.loop = loop;
        this.dataPlane = dataPlane;
        this.requestTimeoutNanos = requestTimeout.toNanos();
        this.clock = clock;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, requestTimeout.toMillis()));
        for (int i = 0; i < connections; i++) {
            Connection c = new Connection();
            idle.add(c);
            all.add(c);
        }
    }

    boolean hasIdleConnection() {
        return !idle.isEmpty();
    }

    /** Sends GET {@code path} with Host {@code host} on an idle connection; see {@link #hasIdleConnection()}. */
    void send(String host, String path, AnswerHandler handler) {
        Connection c = idle.poll();
        if (c == null) {
            throw new IllegalStateException("no idle connection to " + dataPlane + "; check hasIdleConnection()");
        }
        c.send(host, path, handler);
    }

    /** Closes every connection; requests in flight are answered "reset". */
    void close() {
        for (Connection c : all) {
            c.close();
        }
    }

    /** One keep-alive connection and its request in flight, if any. */
    private final class Connection {

        private Channel channel;
        private AnswerHandler waiting;
        private ScheduledFuture<?> timeout;
        private long sentMono;

        void send(String host, String path, AnswerHandler handler) {
            waiting = handler;
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
            request.headers().set(HttpHeaderNames.HOST, host);
            request.headers().set(HttpHeaderNames.USER_AGENT, USER_AGENT);
            if (channel != null && channel.isActive()) {
                write(request);
                return;
            }
            long connectStart = clock.monoNanos();
            ChannelFuture connect = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_BODY_BYTES),
                            new AnswerReader(Connection.this));
                }
            }).connect(dataPlane);
            channel = connect.channel();
            connect.addListener(f -> {
                if (f.isSuccess() && channel == connect.channel()) {
                    write(request);
                } else {
                    request.release();
                    if (channel == connect.channel()) {
                        channel = null;
                    }
                    connect.channel().close();
                    finish(Answer.failed(Answer.CONNECT_FAILED, connectStart));
                }
            });
        }

        private void write(FullHttpRequest request) {
            sentMono = clock.monoNanos();
            timeout = loop.schedule(this::timedOut, requestTimeoutNanos, TimeUnit.NANOSECONDS);
            Channel ch = channel;
            ch.writeAndFlush(request).addListener(f -> {
                if (!f.isSuccess()) {
                    lost(ch);
                }
            });
        }

        void answered(Channel ch, FullHttpResponse response) {
            if (ch != channel || waiting == null) {
                return; // an answer nobody waits for: the request already timed out
            }
            String backendId = response.headers().get(BackendHeaders.BACKEND_ID);
            String body = response.content().toString(StandardCharsets.UTF_8);
            if (!HttpUtil.isKeepAlive(response)) {
                channel = null;
                ch.close();
            }
            finish(Answer.http(response.status().code(), backendId, body, sentMono));
        }

        /** The channel closed or failed; a request in flight on it ends as "reset". */
        void lost(Channel ch) {
            if (ch != channel) {
                return;
            }
            channel = null;
            ch.close();
            if (waiting != null) {
                finish(Answer.failed(Answer.RESET, sentMono));
            }
        }

        private void timedOut() {
            timeout = null;
            if (waiting == null) {
                return;
            }
            Channel ch = channel;
            channel = null;
            if (ch != null) {
                ch.close(); // a late answer must not be read as the answer to the next request
            }
            finish(Answer.failed(Answer.TIMEOUT, sentMono));
        }

        private void finish(Answer answer) {
            if (waiting == null) {
                return; // already ended, e.g. closed while its connect was still pending
            }
            if (timeout != null) {
                timeout.cancel(false);
                timeout = null;
            }
            AnswerHandler handler = waiting;
            waiting = null;
            idle.add(this);
            handler.answered(answer);
        }

        void close() {
            Channel ch = channel;
            if (ch != null) {
                lost(ch);
            }
        }
    }

    /** Hands each aggregated answer, or the loss of the channel, to its connection. */
    private static final class AnswerReader extends SimpleChannelInboundHandler<FullHttpResponse> {

        private final Connection connection;

        AnswerReader(Connection connection) {
            this.connection = connection;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            connection.answered(ctx.channel(), response);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            connection.lost(ctx.channel());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            connection.lost(ctx.channel());
        }
    }
}
