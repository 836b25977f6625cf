package org.gatewaybench.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Appends events to a JSON Lines file. Lines are buffered and flushed every
 * {@link #FLUSH_INTERVAL_MILLIS} and on close, so a crash loses at most the last flush. The file
 * is created new: a writer never appends to or truncates an existing journal.
 */
public final class JournalWriter implements Journal, AutoCloseable {

    public static final long FLUSH_INTERVAL_MILLIS = 500;

    private final Path file;
    private final FileChannel channel;
    private final Writer out;
    private final ScheduledExecutorService flusher;
    private boolean closed;

    private JournalWriter(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.out = Channels.newWriter(channel, StandardCharsets.UTF_8);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journal-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Creates {@code file} (and its folder); fails if the file exists. */
    public static JournalWriter create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new JournalWriter(file);
    }

    public Path file() {
        return file;
    }

    @Override
    public void append(Event event) {
        String line = JournalCodec.toLine(event);
        synchronized (this) {
            if (closed) {
                return; // late events of stopping components after the run ended are not part of it
            }
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to journal " + file, e);
            }
        }
    }

    /** Writes buffered lines to the file. */
    public synchronized void flush() throws IOException {
        if (!closed) {
            out.flush();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException e) {
            // The next flush or close reports it; a flusher thread has no one to tell.
        }
    }

    @Override
    public void close() throws IOException {
        flusher.shutdownNow();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            out.flush();
            channel.force(false);
            out.close();
        }
    }
}
