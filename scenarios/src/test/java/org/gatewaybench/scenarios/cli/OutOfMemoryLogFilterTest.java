package org.gatewaybench.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

/** A library's log of running out of memory stays off the console; every other log passes. */
class OutOfMemoryLogFilterTest {

    private final Logger logger = new LoggerContext().getLogger("io.netty.channel.ChannelInitializer");
    private final OutOfMemoryLogFilter filter = new OutOfMemoryLogFilter();

    private FilterReply decide(Throwable thrown) {
        return filter.decide(new LoggingEvent(Logger.FQCN, logger, Level.WARN, "Failed to initialize a channel",
                thrown, null));
    }

    @Test
    void outOfMemoryAlsoAsTheCauseIsDenied() {
        assertThat(decide(new OutOfMemoryError("GC overhead limit exceeded"))).isEqualTo(FilterReply.DENY);
        assertThat(decide(new IllegalStateException("wrapped", new OutOfMemoryError("Java heap space"))))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void otherLogsPass() {
        assertThat(decide(new IllegalStateException("closed"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(null)).isEqualTo(FilterReply.NEUTRAL);
    }
}
