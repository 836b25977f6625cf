package org.gatewaybench.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * I/O errors as a person reads them: the operation, the path and the cause, in one line
 * ("cannot create the run folder /proc/nope: No such file or directory"). Java's own messages
 * often give only the path ({@code NoSuchFileException: /proc/nope}) or only the cause
 * ({@code IOException: No space left on device}).
 */
public final class IoErrors {

    private IoErrors() {
    }

    /**
     * An exception whose message is {@link #describe}; {@code e} is its cause.
     *
     * @param operation what was tried, with its object: "create the run folder", "append to the journal"
     */
    public static IOException named(String operation, Path path, IOException e) {
        return new IOException(describe(operation, path, e), e);
    }

    /** "cannot {@code operation} {@code path}: cause", and where it failed when that is another path. */
    public static String describe(String operation, Path path, IOException e) {
        String at = "";
        if (e instanceof FileSystemException fs && fs.getFile() != null && path != null
                && !Path.of(fs.getFile()).toAbsolutePath().equals(path.toAbsolutePath())) {
            at = " (at " + fs.getFile() + ")";
        }
        return "cannot " + operation + " " + path + ": " + cause(e) + at;
    }

    /** The cause in the operating system's words where Java kept them, else in words close to them. */
    public static String cause(IOException e) {
        if (e instanceof FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            if (e instanceof NoSuchFileException) {
                return "No such file or directory";
            }
            if (e instanceof AccessDeniedException) {
                return "Permission denied";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "File exists";
            }
            if (e instanceof NotDirectoryException) {
                return "Not a directory";
            }
            if (e instanceof DirectoryNotEmptyException) {
                return "Directory not empty";
            }
            return e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
