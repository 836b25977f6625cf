package org.gatewaybench.core.journal;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.gatewaybench.core.io.IoErrors;

/**
 * Appends events to a JSON Lines file. Lines are buffered and flushed every
 * {@link #FLUSH_INTERVAL_MILLIS} and on close, so a crash loses at most the last flush. The file
 * is created new: a writer never appends to or truncates an existing journal.
 *
 * <p>The first write that fails (a full disk) ends the writing: later events are dropped, so the
 * file keeps complete lines up to the failure (the last one possibly cut, which the reader skips),
 * and the failure goes once to the {@link #onFailure} handler, which stops the run. Appending
 * threads (probes, event loops) never see the exception.
 */
public final class JournalWriter implements Journal, AutoCloseable {

    public static final long FLUSH_INTERVAL_MILLIS = 500;

    private final Path file;
    private final FileChannel channel;
    private final Writer out;
    private final ScheduledExecutorService flusher;
    private boolean closed;
    private IOException failure;
    private Consumer<IOException> failureHandler = e -> { };

    private JournalWriter(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        this.out = Channels.newWriter(channel, StandardCharsets.UTF_8);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journal-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Creates {@code file} (and its folder); fails, naming the path and the cause, if the file exists. */
    public static JournalWriter create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new JournalWriter(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw IoErrors.named("create the journal", file, e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Sets what is told of the first failed write, once, on the thread that met it: an exception
     * naming the journal's path and the cause.
     */
    public synchronized void onFailure(Consumer<IOException> handler) {
        this.failureHandler = handler;
    }

    /** The failure that ended the writing, if one did. */
    public synchronized Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void append(Event event) {
        String line = JournalCodec.toLine(event);
        synchronized (this) {
            if (closed || failure != null) {
                return; // late events after the run ended, or after the file could not take more
            }
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                fail("append to", e);
            }
        }
    }

    /** Writes buffered lines to the file; a failure also ends the writing (see {@link #onFailure}). */
    public synchronized void flush() throws IOException {
        if (!closed && failure == null) {
            try {
                out.flush();
            } catch (IOException e) {
                fail("write", e);
                throw failure;
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException e) {
            // fail() has told the handler; a flusher thread has no one else to tell.
        }
    }

    private void fail(String operation, IOException e) {
        failure = IoErrors.named(operation + " the journal", file, e);
        failureHandler.accept(failure);
    }

    @Override
    public void close() throws IOException {
        flusher.shutdownNow();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (failure != null) {
                // Flushing again would write after the failed write; what is on disk stays as it is.
                channel.close();
                return;
            }
            try {
                out.flush();
                channel.force(false);
                out.close();
            } catch (IOException e) {
                channel.close();
                throw IoErrors.named("close the journal", file, e);
            }
        }
    }
}
