package org.gatewaybench.probes.longconn;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.core.connection.DropCause;
import org.gatewaybench.core.route.Route;
import org.gatewaybench.backend.NettyTransport;

/**
 * One physical connection held by the probe for one slot of its population. Everything of a
 * connection runs on its slot's event loop, so its state needs no locks. It is "opened" at its
 * first correct answer; a failure before that is a failed open, after it a drop. Subclasses speak
 * one kind's protocol; this class owns the clock rule: no correct answer for 3 intervals (before
 * opening: the setup timeout) is a stall.
 */
abstract class HeldConnection {

    static final int STALL_INTERVALS = 3;

    final LongConnectionProbe probe;
    final LongConnectionProbe.Slot slot;
    final long id;
    Channel channel;
    long connectStartMono;
    long connectedMono = -1;
    long openedMono = -1;
    long lastAnswerMono;
    private ScheduledFuture<?> ticks;
    private boolean finished;

    HeldConnection(LongConnectionProbe probe, LongConnectionProbe.Slot slot, long id) {
        this.probe = probe;
        this.slot = slot;
        this.id = id;
    }

    Route route() {
        return slot.route();
    }

    long now() {
        return probe.clock().monoNanos();
    }

    /** Adds this kind's protocol handlers to a new channel. */
    abstract void install(ChannelPipeline pipeline);

    /** The TCP connection is up: send what this kind sends first. */
    abstract void connected();

    /** Once per interval after connecting, unless finished: send what this kind sends every interval. */
    abstract void tick(long now);

    /** What to journal when the peer closes the connection. */
    String closeDetail() {
        return "closed by the peer";
    }

    /** Connects to the gateway's data plane; the outcome arrives as open, drop or failed open. */
    final void connect() {
        connectStartMono = now();
        lastAnswerMono = connectStartMono;
        ChannelFuture connecting = new Bootstrap()
                .group(slot.loop())
                .channel(NettyTransport.clientChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) probe.setupTimeout().toMillis())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        install(ch.pipeline());
                        ch.pipeline().addLast("watch", new Watch());
                    }
                })
                .connect(probe.dataPlane());
        channel = connecting.channel();
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                fail(causeOf(done.cause()), describe(done.cause()));
                return;
            }
            connectedMono = now();
            long interval = probe.intervalNanos();
            ticks = channel.eventLoop().scheduleAtFixedRate(this::checkAndTick, interval, interval,
                    TimeUnit.NANOSECONDS);
            connected();
        });
    }

    private void checkAndTick() {
        if (finished) {
            return;
        }
        long now = now();
        long limit = openedMono >= 0 ? STALL_INTERVALS * probe.intervalNanos()
                : Math.max(STALL_INTERVALS * probe.intervalNanos(), probe.setupTimeout().toNanos());
        long silent = now - lastAnswerMono;
        if (silent >= limit) {
            fail(DropCause.STALLED, "no answer for " + TimeUnit.NANOSECONDS.toMillis(silent) + "ms");
            return;
        }
        tick(now);
    }

    /** A correct answer arrived: the first one opens the connection. */
    final void answered() {
        if (finished) {
            return;
        }
        lastAnswerMono = now();
        if (openedMono < 0) {
            openedMono = lastAnswerMono;
            probe.opened(this);
        }
    }

    /** The connection failed: journal it (as a drop or a failed open) once, close it, let the slot reconnect. */
    final void fail(DropCause cause, String detail) {
        if (finished) {
            return;
        }
        finished = true;
        cancelTicks();
        if (openedMono >= 0) {
            probe.dropped(this, cause, detail);
        } else {
            probe.openFailed(this, cause, detail);
        }
        channel.close();
    }

    /** The probe asks the connection to end: nothing is journaled. Call on the slot's event loop. */
    final void stop() {
        finished = true;
        cancelTicks();
        if (channel != null) {
            channel.close();
        }
    }

    boolean finished() {
        return finished;
    }

    private void cancelTicks() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    /** The cause an exception on a connection stands for. */
    static DropCause causeOf(Throwable error) {
        if (error instanceof ConnectException) {
            return DropCause.REFUSED;
        }
        if (error instanceof CorruptedFrameException || error instanceof DecoderException) {
            return DropCause.GARBLED;
        }
        if (error instanceof IOException) {
            return DropCause.RESET;
        }
        return DropCause.GARBLED;
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Shortens an answer for the journal. */
    static String excerpt(String text) {
        String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "...";
    }

    /** Last handler of every connection: turns errors and closes into failures. */
    private final class Watch extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(causeOf(cause), describe(cause));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            fail(DropCause.CLOSED, closeDetail());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg); // frames no protocol handler wanted, e.g. HTTP/2 settings
        }
    }
}
