package org.gatewaybench.probes.longconn;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;

/** An HTTP/1.1 keep-alive connection: one GET of the route's path every interval, one at a time. */
final class KeepAliveConnection extends HeldConnection {

    private boolean outstanding;

    KeepAliveConnection(LongConnectionProbe probe, LongConnectionProbe.Slot slot, long id) {
        super(probe, slot, id);
    }

    @Override
    void install(ChannelPipeline pipeline) {
        pipeline.addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024), new Responses());
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
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, route().pathPrefix());
        request.headers().set(HttpHeaderNames.HOST, route().host())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        outstanding = true;
        channel.writeAndFlush(request);
    }

    @Override
    String closeDetail() {
        return outstanding ? "closed by the peer with a request outstanding" : "closed by the peer while idle";
    }

    private final class Responses extends SimpleChannelInboundHandler<FullHttpResponse> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            outstanding = false;
            if (Answers.judge(KeepAliveConnection.this, response)) {
                answered();
            }
        }
    }
}
