package dev.offboarding.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium, driven by Playwright. Playwright never downloads a browser of its own here: it is created with
 * {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1} and launches {@value #EXECUTABLE}.
 */
final class Chromium {

    static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

    static final String MISSING = "Browser tests need Debian's Chromium at " + EXECUTABLE
            + ": install it with 'apt-get install chromium chromium-driver' (.ci/run does).";

    /**
     * Root needs --no-sandbox; the others keep Chromium from calling Google's services, which this machine cannot
     * reach and which make it slow or stall.
     */
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private Chromium() {
    }

    /**
     * Skips a test class when Chromium is missing, or fails it in CI (environment {@code CI=true}), where .ci/run
     * installs it. Declare it before {@code @SpringBootTest}: it then runs before Spring starts the application, so a
     * skipped class costs nothing.
     */
    static final class Installed implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            if (Files.isExecutable(EXECUTABLE)) {
                return;
            }
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(MISSING);
            }
            System.err.printf("%n*** SKIPPED %s: %s ***%n%n", context.getDisplayName(), MISSING);
            Assumptions.abort(MISSING);
        }
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(ARGS));
    }
}
