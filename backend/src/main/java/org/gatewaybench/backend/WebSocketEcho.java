package org.gatewaybench.backend;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/** Sends every text frame back as it came (unless the backend is told to stall or garble). */
final class WebSocketEcho extends SimpleChannelInboundHandler<TextWebSocketFrame> {

    private final BackendServer server;

    WebSocketEcho(BackendServer server) {
        this.server = server;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
        switch (server.fault()) {
            case STALL -> {
                // No echo: the connection stays open and silent.
            }
            case GARBLE -> ctx.writeAndFlush(new TextWebSocketFrame("garbled:" + frame.text()));
            case NONE -> ctx.writeAndFlush(new TextWebSocketFrame(frame.text()));
        }
    }
}
