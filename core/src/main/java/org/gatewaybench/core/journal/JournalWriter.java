package org.gatewaybench.core.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.gatewaybench.core.io.IoErrors;

/**
 * Appends events to a JSON Lines file. Lines are buffered and flushed every
 * {@link #FLUSH_INTERVAL_MILLIS} and on close, so a crash loses at most the last flush. A file
 * named {@code *.gz} is compressed as it is written: each flush is one complete gzip member (a
 * gzip file may be a series of them), so a run cut off by a crash still reads up to its last
 * flush. The file is created new: a writer never appends to or truncates an existing journal.
 *
 * <p>The first write that fails (a full disk) ends the writing: later events are dropped, so the
 * file keeps what was written up to the failure (a cut last line or gzip member, which the reader
 * skips), and the failure goes once to the {@link #onFailure} handler, which stops the run.
 * Appending threads (probes, event loops) never see the exception.
 */
public final class JournalWriter implements Journal, AutoCloseable {

    public static final long FLUSH_INTERVAL_MILLIS = 500;

    private final Path file;
    private final boolean compressed;
    private final FileChannel channel;
    private final ScheduledExecutorService flusher;
    /** The lines appended since the last flush. */
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(1 << 16);
    private boolean closed;
    private IOException failure;
    private Consumer<IOException> failureHandler = e -> { };

    private JournalWriter(Path file, FileChannel channel) {
        this.file = file;
        this.compressed = file.getFileName().toString().endsWith(".gz");
        this.channel = channel;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journal-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Creates {@code file} (and its folder), compressed when it ends in .gz; fails, naming the path
     * and the cause, if the file exists or cannot be created.
     */
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
        byte[] line = (JournalCodec.toLine(event) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            if (closed || failure != null) {
                return; // late events after the run ended, or after the file could not take more
            }
            pending.writeBytes(line);
        }
    }

    /**
     * Writes the lines appended since the last flush to the file (one gzip member when compressed);
     * a failure also ends the writing (see {@link #onFailure}).
     */
    public synchronized void flush() throws IOException {
        if (!closed && failure == null) {
            writePending();
        }
    }

    private void writePending() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        try {
            byte[] bytes = compressed ? gzipMember(pending) : pending.toByteArray();
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            pending.reset();
        } catch (IOException e) {
            pending.reset();
            failure = IoErrors.named("write the journal", file, e);
            failureHandler.accept(failure);
            throw failure;
        }
    }

    private static byte[] gzipMember(ByteArrayOutputStream lines) throws IOException {
        ByteArrayOutputStream member = new ByteArrayOutputStream(lines.size() / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(member, 1 << 16)) {
            lines.writeTo(gzip);
        }
        return member.toByteArray();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException e) {
            // The failure handler has been told; a flusher thread has no one else to tell.
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
            try {
                if (failure == null) {
                    // After a failed write nothing more is written: what is on disk stays as it is.
                    writePending();
                    channel.force(false);
                }
            } catch (IOException e) {
                throw failure != null ? failure : IoErrors.named("close the journal", file, e);
            } finally {
                channel.close();
            }
        }
    }
}
