package dev.retrylab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RecentFilesTest {

    private final Settings settings = Settings.inMemory();

    @Test
    void opened_twoFiles_mostRecentFirst() {
        RecentFiles recent = new RecentFiles(settings);

        recent.opened(Path.of("/s/a.yaml"));
        recent.opened(Path.of("/s/b.yaml"));

        assertThat(recent.files()).containsExactly(Path.of("/s/b.yaml"), Path.of("/s/a.yaml"));
    }

    @Test
    void opened_againAnOlderFile_movesToTheFrontOnce() {
        RecentFiles recent = new RecentFiles(settings);
        recent.opened(Path.of("/s/a.yaml"));
        recent.opened(Path.of("/s/b.yaml"));

        recent.opened(Path.of("/s/a.yaml"));

        assertThat(recent.files()).containsExactly(Path.of("/s/a.yaml"), Path.of("/s/b.yaml"));
    }

    @Test
    void opened_moreThanMax_dropsTheOldest() {
        RecentFiles recent = new RecentFiles(settings);
        for (int i = 0; i <= RecentFiles.MAX; i++) {
            recent.opened(Path.of("/s/" + i + ".yaml"));
        }

        assertThat(recent.files()).hasSize(RecentFiles.MAX).doesNotContain(Path.of("/s/0.yaml"))
                .startsWith(Path.of("/s/" + RecentFiles.MAX + ".yaml"));
    }

    @Test
    void files_newInstanceOnTheSameSettings_remembered() {
        new RecentFiles(settings).opened(Path.of("/s/a.yaml"));

        assertThat(new RecentFiles(settings).files()).containsExactly(Path.of("/s/a.yaml"));
    }

    @Test
    void forget_aFile_removesIt() {
        RecentFiles recent = new RecentFiles(settings);
        recent.opened(Path.of("/s/a.yaml"));
        recent.opened(Path.of("/s/b.yaml"));

        recent.forget(Path.of("/s/a.yaml"));

        assertThat(recent.files()).containsExactly(Path.of("/s/b.yaml"));
    }
}
