package dev.retrylab.metrics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a text file through a temporary file in the same directory (a hidden name with a random
 * part) that is then moved into place, so a reader never sees half a file and an interrupted
 * writer leaves none. UTF-8. Stateless and thread-safe.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /** What to write, given the temporary file's writer. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    /** Writes {@code content} to {@code file}, replacing it if it exists. */
    public static void write(Path file, Content content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        // CREATE_NEW, unlike Files.createTempFile, gives the file the usual permissions, not owner-only
        Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        try {
            try (writer) {
                content.writeTo(writer);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes {@code text} to {@code file}, replacing it if it exists. */
    public static void write(Path file, String text) throws IOException {
        write(file, writer -> writer.write(text));
    }
}
