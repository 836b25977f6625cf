package org.gatewaybench.backend;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves one request: a WebSocket upgrade on a path ending in {@code /ws}, an event stream on a
 * path ending in {@code /stream}, the identify answer on any other path.
 */
final class BackendHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final Duration DEFAULT_STREAM_INTERVAL = Duration.ofSeconds(1);
    static final Duration MIN_STREAM_INTERVAL = Duration.ofMillis(10);
    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,9})(ms|s)");

    private final BackendServer server;

    BackendHttpHandler(BackendServer server) {
        this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            answer(ctx, request, HttpResponseStatus.BAD_REQUEST, "cannot parse request: "
                    + request.decoderResult().cause() + "\n", false);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        if (path.endsWith("/ws") && isWebSocketUpgrade(request)) {
            upgradeToWebSocket(ctx, request, path);
        } else if (path.endsWith("/stream")) {
            startEventStream(ctx, request, uri);
        } else {
            identify(ctx, request, path);
        }
    }

    private static boolean isWebSocketUpgrade(FullHttpRequest request) {
        return request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private void identify(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
        switch (server.fault()) {
            case STALL -> {
                // Swallow the request: the client sees an open connection that never answers.
            }
            case GARBLE -> answer(ctx, request, HttpResponseStatus.OK, "garbled\n", true);
            case NONE -> {
                String host = request.headers().get(HttpHeaderNames.HOST, "");
                answer(ctx, request, HttpResponseStatus.OK,
                        "backend=" + server.id() + " host=" + host + " path=" + path + "\n", true);
            }
        }
    }

    /** The handshake and the echo are Netty's WebSocket protocol handler, installed for this path. */
    private void upgradeToWebSocket(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(path)
                .checkStartsWith(true) // the request may carry a query string
                .handshakeTimeoutMillis(10_000)
                .build();
        String name = ctx.name();
        ctx.pipeline().addAfter(name, "ws-protocol", new WebSocketServerProtocolHandler(config));
        ctx.pipeline().addAfter("ws-protocol", "ws-echo", new WebSocketEcho(server));
        ctx.fireChannelRead(request.retain());
        ctx.pipeline().remove(this);
    }

    private void startEventStream(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri) {
        List<String> given = uri.parameters().get("interval");
        Duration interval = DEFAULT_STREAM_INTERVAL;
        if (given != null && !given.isEmpty()) {
            try {
                interval = streamInterval(given.get(0));
            } catch (IllegalArgumentException e) {
                answer(ctx, request, HttpResponseStatus.BAD_REQUEST, "interval: " + e.getMessage() + "\n", true);
                return;
            }
            if (interval.compareTo(MIN_STREAM_INTERVAL) < 0) {
                answer(ctx, request, HttpResponseStatus.BAD_REQUEST,
                        "interval: expected at least " + MIN_STREAM_INTERVAL.toMillis() + "ms, found '"
                                + given.get(0) + "'\n", true);
                return;
            }
        }
        EventStream.start(ctx, server, interval);
    }

    /** An event-stream interval as the probe writes it: whole milliseconds ({@code 250ms}) or seconds ({@code 2s}). */
    static Duration streamInterval(String text) {
        Matcher m = INTERVAL.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration like 250ms or 2s, found '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        return m.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
    }

    private void answer(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String body,
                        boolean keepAliveAllowed) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                .set(BackendHeaders.BACKEND_ID, server.id())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        boolean keepAlive = keepAliveAllowed && HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /**
     * A proxy in front of the backend resets its upstream connections when it reloads or restarts;
     * for a backend that is normal, so the connection is closed without a warning.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
