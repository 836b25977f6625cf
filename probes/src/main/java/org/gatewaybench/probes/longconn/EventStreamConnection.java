package org.gatewaybench.probes.longconn;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.core.connection.DropCause;

/**
 * A server-sent event stream from the route's {@code <prefix>/stream}: the backend sends
 * {@code data: <seq> <id>} every interval; each event must name the route's backend with a growing
 * sequence number.
 */
final class EventStreamConnection extends HeldConnection {

    private static final int MAX_PENDING_CHARS = 4096;

    private final StringBuilder pending = new StringBuilder();
    private long lastSeq;

    EventStreamConnection(LongConnectionProbe probe, LongConnectionProbe.Slot slot, long id) {
        super(probe, slot, id);
    }

    @Override
    void install(ChannelPipeline pipeline) {
        pipeline.addLast(new HttpClientCodec(), new Events());
    }

    @Override
    void connected() {
        String interval = TimeUnit.NANOSECONDS.toMillis(probe.intervalNanos()) + "ms";
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                Answers.under(route().pathPrefix(), "stream") + "?interval=" + interval);
        request.headers().set(HttpHeaderNames.HOST, route().host())
                .set(HttpHeaderNames.ACCEPT, HttpHeaderValues.TEXT_EVENT_STREAM);
        channel.writeAndFlush(request);
    }

    @Override
    void tick(long now) {
        // The backend sends; the base class's stall rule watches the gaps.
    }

    private void take(String text) {
        pending.append(text);
        for (int end = pending.indexOf("\n\n"); end >= 0 && !finished(); end = pending.indexOf("\n\n")) {
            String event = pending.substring(0, end);
            pending.delete(0, end + 2);
            judge(event);
        }
        if (pending.length() > MAX_PENDING_CHARS) {
            fail(DropCause.GARBLED, "no event end in " + pending.length() + " characters");
        }
    }

    private void judge(String event) {
        String expectedId = route().backend().id();
        String[] words = event.startsWith("data: ") ? event.substring(6).split(" ") : new String[0];
        long seq = -1;
        if (words.length == 2 && words[1].equals(expectedId)) {
            try {
                seq = Long.parseLong(words[0]);
            } catch (NumberFormatException e) {
                seq = -1;
            }
        }
        if (seq <= lastSeq) {
            fail(DropCause.GARBLED, "event '" + excerpt(event) + "' after seq " + lastSeq + ", expected data: <seq> "
                    + expectedId);
            return;
        }
        lastSeq = seq;
        answered();
    }

    private final class Events extends SimpleChannelInboundHandler<HttpObject> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpResponse head && head.status().code() != 200) {
                fail(DropCause.ERROR_ANSWER, "status " + head.status().code());
                return;
            }
            if (msg instanceof HttpContent content) {
                take(content.content().toString(StandardCharsets.UTF_8));
                if (msg instanceof LastHttpContent && !finished()) {
                    fail(DropCause.CLOSED, "the server ended the stream");
                }
            }
        }
    }
}
