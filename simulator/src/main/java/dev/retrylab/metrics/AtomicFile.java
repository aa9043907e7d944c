package dev.retrylab.metrics;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a text or binary file through a temporary file in the same directory (a hidden name with
 * a random part) that is then moved into place, so a reader never sees half a file and an
 * interrupted writer leaves none. Text is UTF-8. Stateless and thread-safe.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /** What to write, given the temporary file's writer. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    /** What to write, given the temporary file's output stream (buffered). */
    @FunctionalInterface
    public interface BinaryContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code content} to {@code file}, replacing it if it exists. */
    public static void write(Path file, Content content) throws IOException {
        writeBinary(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            content.writeTo(writer);
            writer.flush();
        });
    }

    /** Writes the bytes {@code content} gives to {@code file}, replacing it if it exists. */
    public static void writeBinary(Path file, BinaryContent content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        // CREATE_NEW, unlike Files.createTempFile, gives the file the usual permissions, not owner-only
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
        try {
            try (out) {
                content.writeTo(out);
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
