package dev.offboarding.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** Screenshots of what an admin sees, one PNG per screen under {@value #FOLDER}, named by the step that shows it. */
final class Screens {

    static final String FOLDER = "target/browser-screenshots";

    private Screens() {
    }

    /** Removes the screenshots of an earlier run, so the folder only ever shows this run's screens. */
    static void clear() {
        Path folder = Paths.get(FOLDER);
        try {
            Files.createDirectories(folder);
            try (Stream<Path> old = Files.list(folder)) {
                for (Path file : (Iterable<Path>) old::iterator) {
                    if (file.toString().endsWith(".png")) {
                        Files.delete(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(FOLDER, name + ".png")));
    }
}
