package dev.offboarding.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import dev.offboarding.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The admins' work in Tasklist and Cockpit, in Debian's Chromium: the whole application on a random port with the job
 * executor on, so the process's steps run by themselves between the clicks, as they do in production. Each screen is
 * kept as a PNG under {@value Screens#FOLDER}.
 *
 * <p>Without Chromium at /usr/bin/chromium the class is skipped, and fails in CI (see {@link Chromium.Installed}).
 *
 * <p>The tests run in order and share one application: the billing admin works on the task the user admin's decision
 * made (when run alone, the test starts that offboarding through the API).
 */
@ExtendWith(Chromium.Installed.class)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=true",
        "offboarding.backup.directory=target/test-backups/${random.uuid}",
        "offboarding.retry-cycle=PT1S"
})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminsInTheBrowserTest {

    private static final String ADELE = "adele.vance@contoso.com";
    private static final String DIEGO = "diego.siciliani@contoso.com";
    private static final String LYNNE = "lynne.robbins@contoso.com";
    private static final String PROCESS_NAME = "Offboard a Microsoft 365 user";
    /** Steps run on the job executor, on a machine that may be busy with other builds. */
    private static final Duration STEPS = Duration.ofSeconds(60);

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    private Http http;
    private final List<BrowserContext> contexts = new ArrayList<>();

    /** A failed test leaves a picture of every page it had open: {@code FAILED-<test>-<n>.png}. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent()) {
            int n = 0;
            for (BrowserContext browserContext : contexts) {
                for (Page page : browserContext.pages()) {
                    Screens.shoot(page, "FAILED-" + context.getRequiredTestMethod().getName() + "-" + ++n);
                }
            }
        }
    };

    @BeforeAll
    static void startChromium() {
        Screens.clear();
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void stopChromium() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
            browser = null;
        }
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @AfterEach
    void closeBrowserWindows() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Test
    @Order(1)
    void userAdminStartsAnOffboardingAndDecidesInTasklist() {
        Page page = logIn("tasklist", "useradmin", 1600, "01-tasklist-login");

        page.getByText("Start process", new Page.GetByTextOptions().setExact(true)).click();
        Locator modal = page.locator(".modal-dialog");
        modal.getByText(PROCESS_NAME, new Locator.GetByTextOptions().setExact(true)).click();
        modal.getByLabel("User principal name").fill(ADELE);
        modal.getByLabel("Reason").fill("Leaves the company");
        modal.getByLabel("Ticket reference").fill("HR-4711");
        Screens.shoot(page, "02-tasklist-start-form");
        button(modal, "Start").click();
        assertThat(modal).isHidden();

        // The look-up runs on the job executor; then the decision task exists.
        String id = awaitState(ADELE, "WAITING_FOR_DECISION");
        closeNotifications(page);
        page.reload();
        openFilter(page, "Offboarding decisions");
        openTask(page, "Decide how to offboard Adele Vance");
        Locator form = page.locator(".fjs-form");
        assertThat(form).containsText("Microsoft 365 E3");
        Screens.shoot(page, "03-tasklist-decision-task");

        button(page, "Claim").click();
        form.getByLabel("Keep the mail: convert to a shared mailbox (the account stays)").check();
        form.getByLabel("Who gets Full Access to the shared mailbox?").fill(ADELE);
        Locator notPossible = form.locator("p").filter(new Locator.FilterOptions().setHasText("Not possible:"));
        assertThat(notPossible).hasCount(1);
        assertThat(notPossible).hasText(Pattern.compile("^\\s*Not possible:"));
        assertThat(notPossible).containsText("cannot get access to their own mailbox");
        Screens.shoot(page, "04-tasklist-delegate-not-possible");

        button(page, "Complete").click();
        Locator error = page.locator(".page-notifications .alert-danger");
        assertThat(error).containsText("cannot get Full Access to their own mailbox");
        Screens.shoot(page, "05-tasklist-complete-refused");
        assertThat(taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey("decideOffboarding")
                .count()).isEqualTo(1);
        closeNotifications(page);

        form.getByLabel("Who gets Full Access to the shared mailbox?").fill(DIEGO);
        assertThat(notPossible).hasCount(0);
        form.getByLabel("Who gets the OneDrive?").fill(DIEGO);
        form.getByLabel("Ask a billing admin to lower the license count afterwards").check();
        Screens.shoot(page, "06-tasklist-decision-filled");

        button(page, "Complete").click();
        assertThat(page.locator(".tasks-list").getByText("Decide how to offboard Adele Vance")).hasCount(0);
        assertThat(error).hasCount(0);
        Screens.shoot(page, "07-tasklist-decision-completed");

        assertThat(taskService.createTaskQuery().processInstanceId(id).taskDefinitionKey("decideOffboarding")
                .count()).isZero();
        JsonNode offboarding = awaitStateOf(id, "WAITING_FOR_LICENSE_REDUCTION");
        assertThat(offboarding.get("decidedBy").asText()).isEqualTo("useradmin");
        JsonNode decisions = offboarding.get("decisions");
        assertThat(decisions.get("mailboxAction").asText()).isEqualTo("CONVERT_TO_SHARED");
        assertThat(decisions.get("mailboxDelegate").asText()).isEqualTo(DIEGO);
        assertThat(decisions.get("oneDriveOwner").asText()).isEqualTo(DIEGO);
        assertThat(decisions.get("reduceLicenseCount").asBoolean()).isTrue();
        assertThat(offboarding.get("outcome").asText()).isEqualTo("ConvertedToSharedMailbox");
    }

    @Test
    @Order(2)
    void billingAdminLowersTheLicenseCount() {
        String id = adeleWaitsForLicenseReduction();
        Page page = logIn("tasklist", "billingadmin", 1600, null);

        openFilter(page, "License reductions");
        openTask(page, "Reduce the license count after Adele Vance");
        Locator form = page.locator(".fjs-form");
        Locator license = form.locator("li").filter(new Locator.FilterOptions().setHasText("Microsoft 365 E3"));
        assertThat(license).containsText("25 paid");
        assertThat(license).containsText("suggested new total 24");
        Screens.shoot(page, "08-tasklist-license-reduction-task");

        button(page, "Claim").click();
        form.getByLabel("I lowered the total in the admin center").check();
        form.getByLabel("Note (optional)").fill("Lowered from 25 to 24");
        Screens.shoot(page, "09-tasklist-license-reduction-filled");

        button(page, "Complete").click();
        assertThat(page.locator(".tasks-list").getByText("Reduce the license count after Adele Vance")).hasCount(0);
        Screens.shoot(page, "10-tasklist-license-reduction-completed");

        HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().processInstanceId(id)
                .taskDefinitionKey("reduceLicenses").singleResult();
        assertThat(task.getDeleteReason()).isEqualTo("completed");
        assertThat(task.getAssignee()).isEqualTo("billingadmin");
        JsonNode offboarding = awaitStateOf(id, "ENDED");
        assertThat(offboarding.get("outcome").asText()).isEqualTo("ConvertedToSharedMailbox");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(id)
                .variableName("licenseCountReduced").singleResult().getValue()).isEqualTo(true);
    }

    @Test
    @Order(3)
    void adminWatchesTheRestoreWindowInCockpit() {
        Http.Response created = http.postJson("/api/offboardings", "useradmin",
                Map.of("userPrincipalName", LYNNE, "decisions", Map.of("mailboxAction", "DELETE")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        awaitStateOf(id, "IN_RESTORE_WINDOW");

        Page page = logIn("cockpit", "admin", 1000, "11-cockpit-login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Processes").setExact(true)).click();
        Locator process = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(PROCESS_NAME));
        assertThat(process).isVisible();
        Screens.shoot(page, "12-cockpit-processes");

        process.click();
        Locator instance = page.locator("tr").filter(new Locator.FilterOptions().setHasText(LYNNE));
        assertThat(instance).containsText(id);
        Screens.shoot(page, "13-cockpit-process-instances");

        instance.getByText(id).click();
        page.getByText("Filter", new Page.GetByTextOptions().setExact(true)).click();
        Locator waiting = page.locator(".tree-node-group.state-running[id^='restoreWindowExpired:']");
        assertThat(waiting).containsText("Restore window expired");
        // Selecting it in the tree marks it in the diagram and narrows the tabs below to it: its timer job.
        waiting.getByText("Restore window expired").click();
        page.getByText("Jobs", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Restore window expired")))
                .hasCount(1);
        showInDiagram(page, "restoreWindowExpired");
        Locator badge = page.locator(".djs-overlays[data-container-id='restoreWindowExpired'] .badge.instance-count");
        assertThat(badge).isVisible();
        assertThat(badge).hasText("1");
        Screens.shoot(page, "14-cockpit-restore-window");

        Http.Response restored = http.post("/api/offboardings/" + id + "/restore", "useradmin", "application/json", "");
        assertThat(restored.status()).isEqualTo(200);
        JsonNode offboarding = awaitStateOf(id, "ENDED");
        assertThat(offboarding.get("outcome").asText()).isEqualTo("Restored");

        page.reload();
        assertThat(page.locator(".page-notifications")).containsText("has been completed");
        Screens.shoot(page, "15-cockpit-after-restore");
    }

    /** A browser window of its own for one admin, logged in to a Camunda webapp. */
    private Page logIn(String app, String user, int height, String screenshot) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, height));
        context.setDefaultTimeout(20_000);
        contexts.add(context);
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/camunda/app/" + app + "/default/");
        page.getByPlaceholder("Username").fill(user);
        page.getByPlaceholder("Password").fill(user);
        if (screenshot != null) {
            Screens.shoot(page, screenshot);
        }
        button(page, "Log in").click();
        assertThat(page.getByPlaceholder("Username")).isHidden();
        return page;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void openFilter(Page page, String name) {
        page.locator(".task-filter").filter(new Locator.FilterOptions().setHasText(name)).click();
    }

    private static void openTask(Page page, String name) {
        page.locator(".tasks-list").getByText(name).click();
        assertThat(page.locator(".task-details")).containsText(name);
        assertThat(page.locator(".fjs-form")).isVisible();
    }

    /** Tasklist's notifications lie over the page and would take the next click: close every one. */
    private static void closeNotifications(Page page) {
        Locator close = page.locator(".page-notifications button.close:visible");
        for (int i = 0; i < 10 && close.count() > 0; i++) {
            try {
                close.first().click(new Locator.ClickOptions().setTimeout(2_000));
            } catch (PlaywrightException gone) {
                // it faded out by itself in the meantime
            }
        }
        assertThat(close).hasCount(0);
    }

    /** Zooms Cockpit's diagram in and moves the element to the middle, so the screenshot can be read. */
    private static void showInDiagram(Page page, String elementId) {
        Locator canvas = page.locator(".djs-container").first();
        assertThat(canvas).isVisible();
        Locator zoomIn = page.locator("button[title='zoom in']");
        for (int i = 0; i < 8; i++) {
            zoomIn.click();
            page.waitForTimeout(150);
        }
        BoundingBox element = page.locator("g.djs-shape[data-element-id='" + elementId + "']").boundingBox();
        BoundingBox area = canvas.boundingBox();
        double x = area.x + area.width / 2;
        double y = area.y + area.height / 2;
        page.mouse().move(x, y);
        page.mouse().down();
        page.mouse().move(x + x - element.x - element.width / 2, y + y - element.y - element.height / 2,
                new Mouse.MoveOptions().setSteps(10));
        page.mouse().up();
    }

    /** The newest offboarding of the user, once it is in the state; its id. */
    private String awaitState(String userPrincipalName, String state) {
        return await().atMost(STEPS).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode list = http.get("/api/offboardings?userPrincipalName=" + userPrincipalName, "useradmin").json();
            return list.size() > 0 && state.equals(list.get(0).get("state").asText()) ? list.get(0).get("id").asText()
                    : null;
        }, id -> id != null);
    }

    private JsonNode awaitStateOf(String id, String state) {
        return await().atMost(STEPS).pollInterval(Duration.ofMillis(250)).until(
                () -> http.get("/api/offboardings/" + id, "useradmin").json(),
                offboarding -> state.equals(offboarding.get("state").asText()));
    }

    /** After the first test, Adele's offboarding waits for the billing admin; run alone, this starts it by API. */
    private String adeleWaitsForLicenseReduction() {
        JsonNode list = http.get("/api/offboardings?userPrincipalName=" + ADELE, "useradmin").json();
        if (list.isEmpty()) {
            Http.Response created = http.postJson("/api/offboardings", "useradmin", Map.of("userPrincipalName", ADELE,
                    "decisions", Map.of("mailboxAction", "CONVERT_TO_SHARED", "mailboxDelegate", DIEGO,
                            "oneDriveOwner", DIEGO, "reduceLicenseCount", true)));
            assertThat(created.status()).isEqualTo(201);
        }
        return awaitState(ADELE, "WAITING_FOR_LICENSE_REDUCTION");
    }
}
