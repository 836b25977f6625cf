package org.gatewaybench.backend;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.util.AsciiString;

/**
 * Builds a backend connection's pipeline. Netty's cleartext HTTP/2 handler decides per connection:
 * the HTTP/2 preface (prior knowledge) or an {@code Upgrade: h2c} request switch the connection to
 * HTTP/2, whose streams are turned back into HTTP messages for the same request handler; anything
 * else stays HTTP/1.1.
 */
final class BackendChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final String H1_AGGREGATE = "h1-aggregate";
    private static final String H1_SERVE = "h1-serve";

    private final BackendServer server;
    private final ChannelGroup connections;

    BackendChannelInitializer(BackendServer server, ChannelGroup connections) {
        this.server = server;
        this.connections = connections;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        connections.add(ch);
        HttpServerCodec h1Codec = new HttpServerCodec();
        HttpServerUpgradeHandler h2cUpgrade = new HttpServerUpgradeHandler(h1Codec, protocol ->
                AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
                        ? new Http2ServerUpgradeCodec(Http2FrameCodecBuilder.forServer().build(),
                                new Http2MultiplexHandler(new StreamInitializer()), new LeaveHttp1(false))
                        : null,
                MAX_REQUEST_BYTES);
        ChannelPipeline p = ch.pipeline();
        p.addLast(new CleartextHttp2ServerUpgradeHandler(h1Codec, h2cUpgrade, new LeaveHttp1(true)));
        p.addLast(H1_AGGREGATE, new HttpObjectAggregator(MAX_REQUEST_BYTES));
        p.addLast(H1_SERVE, new BackendHttpHandler(server));
    }

    /**
     * Takes the HTTP/1.1 handlers out once a connection speaks HTTP/2; with {@code addCodec} it also
     * installs the HTTP/2 codec (prior knowledge; after an upgrade the upgrade codec installs it).
     */
    private final class LeaveHttp1 extends ChannelHandlerAdapter {
        private final boolean addCodec;

        LeaveHttp1(boolean addCodec) {
            this.addCodec = addCodec;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ChannelPipeline p = ctx.pipeline();
            if (addCodec) {
                // The multiplexer looks for the frame codec when added, so the codec goes in first.
                p.addAfter(ctx.name(), "h2-codec", Http2FrameCodecBuilder.forServer().build());
                p.addAfter("h2-codec", "h2-streams", new Http2MultiplexHandler(new StreamInitializer()));
            }
            removeIfPresent(p, H1_AGGREGATE);
            removeIfPresent(p, H1_SERVE);
            p.remove(this);
        }

        private void removeIfPresent(ChannelPipeline p, String name) {
            ChannelHandler h = p.get(name);
            if (h != null) {
                p.remove(h);
            }
        }
    }

    /** Each HTTP/2 stream is served as one HTTP request by the same handler as HTTP/1.1. */
    private final class StreamInitializer extends ChannelInitializer<Http2StreamChannel> {
        @Override
        protected void initChannel(Http2StreamChannel ch) {
            ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true),
                    new HttpObjectAggregator(MAX_REQUEST_BYTES),
                    new BackendHttpHandler(server));
        }
    }
}
