package org.gatewaybench.backend;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent event stream on one response: {@code data: <seq> <id>\n\n} at once and then every
 * interval, until the client closes the connection (or the stream, on HTTP/2).
 */
final class EventStream {

    private final Channel channel;
    private final BackendServer server;
    private long seq;

    private EventStream(Channel channel, BackendServer server) {
        this.channel = channel;
        this.server = server;
    }

    static void start(ChannelHandlerContext ctx, BackendServer server, Duration interval) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_EVENT_STREAM)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                // Tells nginx (and gateways built on it) to pass events on at once instead of buffering them.
                .set("X-Accel-Buffering", "no")
                .set(BackendHeaders.BACKEND_ID, server.id());
        HttpUtil.setTransferEncodingChunked(head, true);
        ctx.writeAndFlush(head);
        EventStream stream = new EventStream(ctx.channel(), server);
        long nanos = interval.toNanos();
        ScheduledFuture<?> ticks = ctx.executor().scheduleAtFixedRate(stream::send, 0, nanos, TimeUnit.NANOSECONDS);
        ctx.channel().closeFuture().addListener(f -> ticks.cancel(false));
    }

    private void send() {
        seq++;
        BackendFault fault = server.fault();
        // A client that does not read gets no more chunks rather than an unbounded queue.
        if (fault == BackendFault.STALL || !channel.isWritable()) {
            return;
        }
        String event = fault == BackendFault.GARBLE ? "data: garbled\n\n" : "data: " + seq + " " + server.id() + "\n\n";
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(event, StandardCharsets.UTF_8)));
    }
}
