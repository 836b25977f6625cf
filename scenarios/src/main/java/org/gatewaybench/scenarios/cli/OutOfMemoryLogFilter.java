package org.gatewaybench.scenarios.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps a library's log of an {@link OutOfMemoryError} (Netty logs one from its event loop, with
 * the stack) off the console: running out of memory is told once, in the one line the CLI prints
 * ({@link org.gatewaybench.scenarios.run.OutOfMemory}). Named in logback.xml.
 */
public final class OutOfMemoryLogFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            if (t instanceof ThrowableProxy proxy && proxy.getThrowable() instanceof OutOfMemoryError) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
