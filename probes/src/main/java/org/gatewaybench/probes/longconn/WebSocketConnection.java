package org.gatewaybench.probes.longconn;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.URI;
import java.util.ArrayDeque;
import org.gatewaybench.core.connection.DropCause;

/**
 * A WebSocket to the route's {@code <prefix>/ws}: one text message every interval, each echo
 * checked in order. It opens at the first correct echo, which proves the backend behind the handshake.
 */
final class WebSocketConnection extends HeldConnection {

    private final ArrayDeque<String> awaitingEcho = new ArrayDeque<>();
    private long seq;
    private boolean handshakeDone;

    WebSocketConnection(LongConnectionProbe probe, LongConnectionProbe.Slot slot, long id) {
        super(probe, slot, id);
    }

    @Override
    void install(ChannelPipeline pipeline) {
        // The URI's host becomes the Host header; the socket goes to the data plane regardless.
        URI uri = URI.create("ws://" + route().host() + Answers.under(route().pathPrefix(), "ws"));
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .handleCloseFrames(false)
                .handshakeTimeoutMillis(probe.setupTimeout().toMillis())
                .build();
        pipeline.addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                new WebSocketClientProtocolHandler(config), new Frames());
    }

    @Override
    void connected() {
        // The protocol handler sends the handshake when the channel becomes active.
    }

    @Override
    void tick(long now) {
        if (handshakeDone) {
            send();
        }
    }

    private void send() {
        String message = id + " " + (++seq);
        awaitingEcho.add(message);
        channel.writeAndFlush(new TextWebSocketFrame(message));
    }

    private final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                String echo = text.text();
                String expected = awaitingEcho.poll();
                if (!echo.equals(expected)) {
                    fail(DropCause.GARBLED, "echo '" + excerpt(echo) + "' for '" + expected + "'");
                    return;
                }
                answered();
            } else if (frame instanceof CloseWebSocketFrame close) {
                fail(DropCause.CLOSED, "close frame " + close.statusCode() + " " + close.reasonText());
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                handshakeDone = true;
                send();
            } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                fail(DropCause.STALLED, "no WebSocket handshake answer within " + probe.setupTimeout().toMillis()
                        + "ms");
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof WebSocketClientHandshakeException) {
                fail(DropCause.ERROR_ANSWER, "handshake refused: " + cause.getMessage());
            } else {
                ctx.fireExceptionCaught(cause);
            }
        }
    }
}
