package dev.retrylab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    private long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void write_text_replacesTheFile() throws IOException {
        Path file = dir.resolve("summary.md");
        Files.writeString(file, "old");

        AtomicFile.write(file, "new text\n");

        assertThat(Files.readString(file)).isEqualTo("new text\n");
        assertThat(filesIn(dir)).as("no temporary file left").isEqualTo(1);
    }

    @Test
    void write_failingHalfWay_leavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path file = dir.resolve("summary.json");
        Files.writeString(file, "old");

        assertThatThrownBy(() -> AtomicFile.write(file, writer -> {
            writer.write("half of the n");
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(filesIn(dir)).isEqualTo(1);
    }
}
