package org.gatewaybench.core.journal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** The bytes of a journal file, plain or gzip-compressed (told by its first two bytes, not its name). */
final class JournalStreams {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private JournalStreams() {
    }

    static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2) {
            return new CutShort(new GZIPInputStream(in, 1 << 16), file);
        }
        return in;
    }

    /**
     * A compressed journal whose last gzip member a crash cut off: the data ends before the member
     * does (an EOFException), so what it held up to the cut is read, then the stream ends there and
     * the reader sees a partial last line, as with a plain journal cut mid-line. Data that does not
     * decompress (a ZipException: a bad block, a wrong checksum) is damage, not a cut: an error.
     */
    private static final class CutShort extends FilterInputStream {

        private final Path file;
        private boolean ended;

        CutShort(InputStream in, Path file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            try {
                int n = super.read(b, off, len);
                ended = n < 0;
                return n;
            } catch (EOFException cut) {
                ended = true;
                return -1;
            } catch (ZipException damage) {
                throw new BrokenJournalException(file + ": the compressed journal is damaged: " + damage.getMessage());
            }
        }
    }
}
