package org.gatewaybench.probes.longconn;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import org.gatewaybench.core.connection.DropCause;

/**
 * HTTP/2 cleartext with prior knowledge (the form gateways accept on a plain port): one GET of the
 * route's path every interval, each on a new stream of the same connection, one at a time.
 */
final class H2cConnection extends HeldConnection {

    private boolean outstanding;

    H2cConnection(LongConnectionProbe probe, LongConnectionProbe.Slot slot, long id) {
        super(probe, slot, id);
    }

    @Override
    void install(ChannelPipeline pipeline) {
        pipeline.addLast(Http2FrameCodecBuilder.forClient().build(),
                new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()), new GoAway());
    }

    @Override
    void connected() {
        send();
    }

    @Override
    void tick(long now) {
        if (!outstanding) {
            send();
        }
    }

    private void send() {
        outstanding = true;
        new Http2StreamChannelBootstrap(channel).handler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(false),
                        new HttpObjectAggregator(64 * 1024), new Answer());
            }
        }).open().addListener(opened -> {
            if (!opened.isSuccess()) {
                fail(DropCause.RESET, "cannot open a stream: " + describe(opened.cause()));
                return;
            }
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                    route().pathPrefix());
            request.headers().set(HttpHeaderNames.HOST, route().host());
            ((Http2StreamChannel) opened.getNow()).writeAndFlush(request);
        });
    }

    @Override
    String closeDetail() {
        return outstanding ? "closed by the peer with a request outstanding" : "closed by the peer while idle";
    }

    /** The answer on one stream. */
    private final class Answer extends SimpleChannelInboundHandler<FullHttpResponse> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            outstanding = false;
            ctx.close();
            if (Answers.judge(H2cConnection.this, response)) {
                answered();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof Http2ResetFrame reset) {
                fail(DropCause.ERROR_ANSWER, "stream reset, error " + reset.errorCode());
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(DropCause.ERROR_ANSWER, "stream failed: " + describe(cause));
        }
    }

    /** The server announces it will close the connection: a drop, even if in-flight streams may finish. */
    private final class GoAway extends SimpleChannelInboundHandler<Http2GoAwayFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Http2GoAwayFrame frame) {
            fail(DropCause.CLOSED, "GOAWAY error " + frame.errorCode());
        }
    }
}
