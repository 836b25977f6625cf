package org.gatewaybench.core.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Appends events to a JSON Lines file. Lines are buffered and flushed every
 * {@link #FLUSH_INTERVAL_MILLIS} and on close, so a crash loses at most the last flush. A file
 * named {@code *.gz} is compressed as it is written: each flush is one complete gzip member (a
 * gzip file may be a series of them), so a run cut off by a crash still reads up to its last
 * flush. The file is created new: a writer never appends to or truncates an existing journal.
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

    private JournalWriter(Path file) throws IOException {
        this.file = file;
        this.compressed = file.getFileName().toString().endsWith(".gz");
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journal-flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Creates {@code file} (and its folder); fails if the file exists. Compressed when it ends in .gz. */
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
        byte[] line = (JournalCodec.toLine(event) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            if (closed) {
                return; // late events of stopping components after the run ended are not part of it
            }
            pending.writeBytes(line);
        }
    }

    /** Writes the lines appended since the last flush to the file (one gzip member when compressed). */
    public synchronized void flush() throws IOException {
        if (!closed) {
            writePending();
        }
    }

    private void writePending() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = compressed ? gzipMember(pending) : pending.toByteArray();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        pending.reset();
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
            try {
                writePending();
                channel.force(false);
            } finally {
                channel.close();
            }
        }
    }
}
