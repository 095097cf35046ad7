package dev.couchannel.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app (ADR 17) in a real browser (the machine's Chromium, driven by Playwright) against the whole stack
 * through the gateway: sign in and out through the BFF, the guest's booking flow with the sandbox cards, Polish, a
 * keyboard-only booking and a host's compliance refusal. Every wait is a condition (Playwright's auto-waiting
 * assertions, Awaitility); a screenshot of each test's last page lands in {@code target/screenshots}.
 */
class WebAppIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS =
            Paths.get(System.getProperty("couchannel.screenshots", "target/screenshots"));
    private static final Path CHROMIUM = Paths.get(System.getProperty("couchannel.chromium", "/usr/bin/chromium"));

    @TempDir
    static Path data;

    static Stack stack;
    static Playwright playwright;
    static Browser browser;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void up() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the browser tests need Chromium at %s: apt-get install -y chromium", CHROMIUM)
                .isTrue();
        stack = Stack.start(StackConfig.forTests(data));
        assertThat(Launcher.awaitReady(stack.gateway().resolve("/readinessz"), WAIT))
                .isTrue();
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
        PlaywrightAssertions.setDefaultAssertionTimeout(WAIT.toMillis());
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void down() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private void open(String locale) {
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(stack.gateway().toString())
                .setLocale(locale)
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(WAIT.toMillis());
        page = context.newPage();
    }

    @AfterEach
    void screenshot(TestInfo test) {
        if (page != null) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(
                            test.getTestMethod().orElseThrow().getName() + ".png"))
                    .setFullPage(true));
        }
        if (context != null) {
            context.close();
        }
    }

    private void signIn(String email) {
        page.navigate("/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.locator("#username").fill(email);
        page.locator("#password").fill("couchannel");
        page.locator("form button[type=submit]").click();
        PlaywrightAssertions.assertThat(page.getByTestId("signed-in-as")).containsText(email);
    }

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** Types into the search box and waits for search's answer: every card then names {@code team}. */
    private void searchFor(String team) {
        page.getByLabel("Team, competition or city").fill(team);
        awaitResults(team);
    }

    private void awaitResults(String text) {
        PlaywrightAssertions.assertThat(page.getByTestId("results")).hasAttribute("data-state", "idle");
        PlaywrightAssertions.assertThat(page.getByTestId("session-card").first())
                .containsText(text);
        PlaywrightAssertions.assertThat(
                        page.getByTestId("session-card").filter(new Locator.FilterOptions().setHasNotText(text)))
                .hasCount(0);
    }

    private Locator sessionCard(String team) {
        searchFor(team);
        return page.getByTestId("session-card")
                .filter(new Locator.FilterOptions().setHasNotText("Sold out"))
                .getByRole(
                        AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("See session .*" + team)))
                .first();
    }

    private int seatsLeft() {
        Locator seats = page.getByTestId("seats-left");
        PlaywrightAssertions.assertThat(seats).isVisible();
        return Integer.parseInt(seats.innerText().trim());
    }

    private void expectStatus(String status) {
        PlaywrightAssertions.assertThat(page.getByTestId("booking-status"))
                .hasAttribute(
                        "data-status",
                        status,
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
                                .setTimeout(WAIT.toMillis()));
    }

    @Test
    void aGuestSignsInThroughTheGatewayAndSignsOut() {
        open("en-GB");
        signIn("guest@example.com");
        assertThat(page.request().get("/api/me").status()).isEqualTo(200);
        // the tokens stay at the gateway: the page holds an HttpOnly session cookie and the CSRF token only
        assertThat(context.cookies()).noneMatch(cookie -> cookie.value.startsWith("eyJ"));
        assertThat(context.cookies())
                .anySatisfy(cookie -> assertThat(cookie.httpOnly).isTrue())
                .anySatisfy(cookie -> assertThat(cookie.name).isEqualTo("XSRF-TOKEN"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")))
                .isVisible();
        PlaywrightAssertions.assertThat(page.getByTestId("signed-in-as")).hasCount(0);
        assertThat(page.request().get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void aGuestFindsASessionBooksWithAVisaCardSeesItConfirmedAndCancelsIt() {
        open("en-GB");
        signIn("guest@example.com");
        // the home page opens with sessions for this guest (recommendation), each a link to its page
        PlaywrightAssertions.assertThat(page.getByTestId("for-you")).containsText("For you");
        PlaywrightAssertions.assertThat(page.getByTestId("recommended-card")
                        .first()
                        .getByRole(
                                AriaRole.LINK,
                                new Locator.GetByRoleOptions().setName(Pattern.compile("See session .*"))))
                .isVisible();

        Locator card = sessionCard("Arsenal");
        PlaywrightAssertions.assertThat(card).isVisible();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("search.png"))
                .setFullPage(true));
        card.click();
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Arsenal vs Chelsea");
        int before = seatsLeft();
        page.getByLabel("Seats", new Page.GetByLabelOptions().setExact(true)).fill("2");
        page.getByLabel(Pattern.compile("Visa")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book and pay"))
                .click();

        expectStatus("CONFIRMED");
        PlaywrightAssertions.assertThat(page.getByText("You're in!")).isVisible();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("booking-confirmed.png"))
                .setFullPage(true));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the session"))
                .click();
        page.reload();
        assertThat(seatsLeft()).isEqualTo(before - 2);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My bookings"))
                .click();
        Locator row = page.getByTestId("booking-row")
                .filter(new Locator.FilterOptions().setHasText("Arsenal vs Chelsea"))
                .first();
        PlaywrightAssertions.assertThat(row).containsText("Confirmed");
        String total = row.getByTestId("booking-total").innerText().trim();

        // a review before the match ended: the review service's refusal is shown as it answered
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Write a review"))
                .click();
        row.getByLabel("Your review").fill("Great sofa, great chili.");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Post review"))
                .click();
        PlaywrightAssertions.assertThat(row.getByRole(AriaRole.ALERT)).isVisible();
        PlaywrightAssertions.assertThat(row.getByText("Thank you!")).hasCount(0);

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel booking"))
                .click();
        // more than 24 h before kickoff, booked a moment ago: every policy of the Arsenal sessions refunds in full
        PlaywrightAssertions.assertThat(row.getByTestId("refund-preview"))
                .containsText("Refund if you cancel now: " + total + " (estimate)");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("refund-preview.png"))
                .setFullPage(true));
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes"))
                .click();
        PlaywrightAssertions.assertThat(row).containsText("Cancelled");
        PlaywrightAssertions.assertThat(row).containsText("Refund: " + total);
        PlaywrightAssertions.assertThat(row).containsText("Refund settled");
    }

    @Test
    void aDeclinedCardShowsItsReasonAndTheSeatsGoBack() {
        open("en-GB");
        signIn("guest2@example.com");
        sessionCard("Legia").click();
        String session = page.url();
        int before = seatsLeft();

        page.getByLabel(Pattern.compile("Declined card")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book and pay"))
                .click();

        expectStatus("REJECTED");
        PlaywrightAssertions.assertThat(page.getByTestId("booking-reason")).containsText("declined");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("booking-declined.png"))
                .setFullPage(true));
        // the saga released the hold: the session shows as many seats as before
        await().atMost(WAIT).untilAsserted(() -> {
            page.navigate(session);
            assertThat(seatsLeft()).isEqualTo(before);
        });
    }

    @Test
    void theAppSpeaksPolishToAPolishBrowserAndSwitchesLanguage() {
        open("pl-PL");
        page.navigate("/");

        PlaywrightAssertions.assertThat(page.locator("html")).hasAttribute("lang", "pl");
        PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Znajdź seans");
        PlaywrightAssertions.assertThat(
                        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zaloguj się")))
                .isVisible();
        page.getByLabel("Drużyna, rozgrywki lub miasto").fill("Legia");
        awaitResults("Legia");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Zobacz seans")))
                .first()
                .click();
        PlaywrightAssertions.assertThat(page.getByText("Wolne miejsca")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Legia Warszawa – Lech Poznań");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("session-pl.png"))
                .setFullPage(true));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("EN"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("html")).hasAttribute("lang", "en");
        PlaywrightAssertions.assertThat(page.getByText("Seats left")).isVisible();
        page.reload();
        // the choice outlives the page
        PlaywrightAssertions.assertThat(page.getByText("Seats left")).isVisible();
    }

    @Test
    void aGuestBooksWithTheKeyboardAlone() {
        open("en-GB");
        page.navigate("/");
        page.keyboard().press("Tab");
        assertThat(focused()).isEqualTo("Skip to content");
        signInWithKeyboard("guest@example.com");

        tabUntil(Pattern.compile(Pattern.quote("Team, competition or city")));
        page.keyboard().type("Liverpool");
        awaitResults("Liverpool");
        tabUntil(Pattern.compile("See session .*Liverpool.*"));
        page.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Liverpool");

        tabUntil(Pattern.compile("Seats"));
        page.keyboard().press("ArrowUp");
        tabUntil(Pattern.compile("Visa.*"));
        tabUntil(Pattern.compile("Book and pay"));
        page.keyboard().press("Enter");

        expectStatus("CONFIRMED");
        PlaywrightAssertions.assertThat(page.getByTestId("booking")).containsText("2 seats");
    }

    private void signInWithKeyboard(String email) {
        tabUntil(Pattern.compile("Sign in"));
        page.keyboard().press("Enter");
        // identity's page focuses the e-mail field
        PlaywrightAssertions.assertThat(page.locator("#username")).isFocused();
        page.keyboard().type(email);
        page.keyboard().press("Tab");
        page.keyboard().type("couchannel");
        page.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(page.getByTestId("signed-in-as")).containsText(email);
    }

    /** Presses Tab until the focused element's accessible name matches; a bounded walk, no timing. */
    private void tabUntil(Pattern name) {
        for (int presses = 0; presses < 60; presses++) {
            page.keyboard().press("Tab");
            if (name.matcher(focused()).matches()) {
                return;
            }
        }
        throw new AssertionError("no focusable element named " + name + " in 60 tab presses");
    }

    /** A rough accessible name of the focused element: aria-label, its label, or its text. */
    private String focused() {
        return (String) page.evaluate("""
                () => {
                  const element = document.activeElement;
                  if (!element) return "";
                  if (element.getAttribute("aria-label")) return element.getAttribute("aria-label");
                  if (element.labels && element.labels.length) return element.labels[0].innerText.trim();
                  return (element.innerText || element.value || "").trim();
                }
                """);
    }

    @Test
    void aHostSeesWhyTheBroadcastingRulesRefuseToPublishASession() {
        open("en-GB");
        signIn("host@example.com");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hosting"))
                .click();
        // letters and digits only: the name goes into a (JavaScript) regular expression below
        String venue = "Test flat " + UUID.randomUUID().toString().substring(0, 8);

        page.getByText("Register a venue").click();
        field("Name").fill(venue);
        field("Street address").fill("1 Test Street");
        field("City").fill("London");
        field("Country (2 letters)").fill("GB");
        // a residential subscription of another country: package-country-matches-venue refuses it
        field("Subscription country").fill("PL");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register venue"))
                .click();
        PlaywrightAssertions.assertThat(page.getByText("Venue “" + venue + "” registered."))
                .isVisible();
        // a photo of the new venue, stored by hosting and served back through the gateway
        page.getByLabel("Add a photo of " + venue)
                .setInputFiles(new com.microsoft.playwright.options.FilePayload("sofa.png", "image/png", TILE));
        Locator photo = page.getByAltText(venue + ", photo 1");
        PlaywrightAssertions.assertThat(photo).isVisible();
        await().atMost(WAIT)
                .until(() ->
                        ((Number) photo.evaluate("image => image.complete ? image.naturalWidth : 0")).intValue() == 1);

        Locator planVenue = field("Venue");
        PlaywrightAssertions.assertThat(planVenue.locator("option", new Locator.LocatorOptions().setHasText(venue)))
                .hasCount(1);
        planVenue.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(venue + " · London"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan as draft"))
                .click();
        PlaywrightAssertions.assertThat(page.getByText("Planned as a draft")).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Publish: .*" + venue)))
                .click();

        Locator refusal = page.getByRole(AriaRole.ALERT)
                .filter(new Locator.FilterOptions().setHasText("package-country-matches-venue@1"));
        PlaywrightAssertions.assertThat(refusal).isVisible();
        PlaywrightAssertions.assertThat(refusal).containsText("residential subscription");
        PlaywrightAssertions.assertThat(
                        page.getByTestId("host-session").filter(new Locator.FilterOptions().setHasText(venue)))
                .containsText("Draft");
    }

    /** A 1×1 PNG: what the tile server answers when the test routes it. */
    private static final byte[] TILE = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Test
    void theSearchReadModelFiltersAndTheListStandsInForTheMapWithoutTiles() {
        open("en-GB");
        List<String> searches = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/api/search/sessions")) {
                searches.add(request.url());
            }
        });
        page.navigate("/");

        // no internet here: the tile probe fails, the list shows, and nothing is reported as an error
        Locator results = page.getByTestId("results");
        PlaywrightAssertions.assertThat(results).hasAttribute("data-map", "off");
        PlaywrightAssertions.assertThat(page.getByTestId("session-card").first())
                .isVisible();
        PlaywrightAssertions.assertThat(page.getByTestId("session-map")).hasCount(0);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);
        int all = page.getByTestId("session-card").count();

        field("Competition").selectOption(new com.microsoft.playwright.options.SelectOption().setValue("Ekstraklasa"));
        awaitResults("Ekstraklasa");
        assertThat(page.getByTestId("session-card").count()).isLessThan(all);
        assertThat(searches).anyMatch(url -> url.contains("competition=Ekstraklasa"));
        field("Sort by").selectOption("price");
        awaitResults("Ekstraklasa");
        assertThat(searches).anyMatch(url -> url.contains("competition=Ekstraklasa") && url.contains("sort=price"));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("search-filtered.png"))
                .setFullPage(true));
    }

    @Test
    void withReachableTilesTheSearchShowsAMapWithALinkPerSession() {
        open("en-GB");
        context.route(
                "https://tile.openstreetmap.org/**",
                route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("image/png")
                        .setBodyBytes(TILE)));
        page.navigate("/");
        searchFor("Legia");

        PlaywrightAssertions.assertThat(page.getByTestId("results")).hasAttribute("data-map", "on");
        Locator markers = page.getByTestId("session-map")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("Legia.*")));
        PlaywrightAssertions.assertThat(markers.first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("search-map.png"))
                .setFullPage(true));
        // markers may overlap; the keyboard reaches each one
        markers.first().focus();
        page.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Legia Warszawa vs Lech Poznań");
    }

    @Test
    void aGuestSeesAQuoteBooksAtItAndFindsTheConfirmationInTheInbox() {
        open("en-GB");
        signIn("guest2@example.com");
        sessionCard("Tottenham").click();
        page.getByLabel("Seats", new Page.GetByLabelOptions().setExact(true)).fill("2");

        Locator quote = page.getByTestId("quote");
        PlaywrightAssertions.assertThat(quote).containsText("This price holds until");
        PlaywrightAssertions.assertThat(quote).containsText("2 × seat");
        String total = page.getByTestId("quote-total").innerText().trim();
        assertThat(total).startsWith("£");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book and pay"))
                .click();

        expectStatus("CONFIRMED");
        // the booking locked the quote: the guest pays what they were shown
        PlaywrightAssertions.assertThat(page.getByTestId("booking")).containsText(total);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Inbox.*")))
                .click();
        Locator confirmation =
                page.getByTestId("notification").filter(new Locator.FilterOptions().setHasText("Tottenham"));
        await().atMost(WAIT).untilAsserted(() -> {
            page.reload();
            PlaywrightAssertions.assertThat(page.locator("[data-kind=BOOKING_CONFIRMED]")
                            .filter(new Locator.FilterOptions().setHasText("Tottenham")))
                    .hasCount(
                            1,
                            new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions()
                                    .setTimeout(2000));
        });
        PlaywrightAssertions.assertThat(confirmation.first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("inbox.png"))
                .setFullPage(true));
    }

    @Test
    void aGuestJoinsTheWaitlistOfASoldOutSession() throws Exception {
        StackClient client = new StackClient(stack);
        String session = client.sessionWithSeats(1, StackClient.demoId("venue:gdansk-oliwa-house:0"))
                .toString();
        String booking = StackClient.match(
                StackClient.ID, client.book("guest4@example.com", session, 1).body());
        assertThat(client.awaitDecision("guest4@example.com", booking)).isEqualTo("CONFIRMED");

        open("en-GB");
        signIn("guest2@example.com");
        page.navigate("/sessions/" + session);
        PlaywrightAssertions.assertThat(page.getByText("Sold out: no seats left."))
                .isVisible();
        page.getByLabel("Seats wanted").fill("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the waitlist"))
                .click();

        Locator status = page.getByTestId("waitlist-status");
        PlaywrightAssertions.assertThat(status).hasAttribute("data-status", "WAITING");
        PlaywrightAssertions.assertThat(status).containsText("You are number 1 in line");
        page.reload();
        // the place is the API's, not the page's
        PlaywrightAssertions.assertThat(page.getByTestId("waitlist-status")).hasAttribute("data-status", "WAITING");
    }

    @Test
    void anAdminFindsAUserGivesThemTheHostRoleAndSeesItInTheAuditLog() throws Exception {
        String email = "promoted-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        // the account exists once identity has issued it a token
        new StackClient(stack).bearer(email);

        open("en-GB");
        signIn("admin@example.com");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users"))
                .click();
        page.getByLabel("E-mail address contains").fill(email.substring(0, 17));
        Locator row = page.getByTestId("user-row").filter(new Locator.FilterOptions().setHasText(email));
        PlaywrightAssertions.assertThat(row).hasCount(1);
        PlaywrightAssertions.assertThat(page.getByTestId("user-row")).hasCount(1);
        PlaywrightAssertions.assertThat(row.getByLabel("Guest")).isChecked();
        PlaywrightAssertions.assertThat(row.getByLabel("Host")).not().isChecked();

        row.getByLabel("Host").check();
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the roles of " + email))
                .click();
        PlaywrightAssertions.assertThat(row.getByText("Saved.")).isVisible();
        page.reload();
        PlaywrightAssertions.assertThat(page.getByTestId("user-row")
                        .filter(new Locator.FilterOptions().setHasText(email))
                        .getByLabel("Host"))
                .isChecked();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log"))
                .click();
        page.getByLabel("Event type").selectOption("ROLES_CHANGED");
        PlaywrightAssertions.assertThat(page.getByTestId("audit-row")
                        .filter(new Locator.FilterOptions().setHasText(email))
                        .first())
                .containsText("admin@example.com");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("admin-audit.png"))
                .setFullPage(true));
    }

    @Test
    void aGuestSetsTheirNotificationPreferences() {
        open("en-GB");
        signIn("guest2@example.com");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings"))
                .click();
        field("Language of e-mails and notifications").selectOption("pl");
        field("Time zone").selectOption("Europe/Warsaw");
        page.getByLabel("Reminders before kick-off").first().uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();

        // saved by the notification service, and the app follows the language chosen
        PlaywrightAssertions.assertThat(page.getByText("Zapisano.")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("html")).hasAttribute("lang", "pl");
        page.reload();
        PlaywrightAssertions.assertThat(field("Strefa czasowa")).hasValue("Europe/Warsaw");
        PlaywrightAssertions.assertThat(
                        page.getByLabel("Przypomnieniach przed meczem").first())
                .not()
                .isChecked();
        // web push: offered with the VAPID key the API gave where the browser can, else said plainly; no error
        PlaywrightAssertions.assertThat(
                        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Włącz powiadomienia"))
                                .or(page.getByTestId("push-unsupported")))
                .isVisible();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);
    }

    @Test
    void theSessionPageShowsTheHostsProfileAndReputation() {
        open("en-GB");
        page.navigate("/");
        sessionCard("Arsenal").click();
        Locator host = page.getByTestId("host");
        // the demo venues' host wrote this profile (hosting's demo data); the BFF view carries it
        PlaywrightAssertions.assertThat(host.getByRole(AriaRole.HEADING)).hasText("Your host: Kasia & friends");
        PlaywrightAssertions.assertThat(host).containsText("Snacks on us");
        PlaywrightAssertions.assertThat(host).containsText("Polish");
        PlaywrightAssertions.assertThat(page.getByTestId("reputation"))
                .containsText(Pattern.compile("Reputation \\d+ of 100"));
        PlaywrightAssertions.assertThat(page.getByTestId("reputation")).containsText("reliability");
    }

    @Test
    void aHostSeesTheirEarningsAndSetsThePayoutAccount() {
        open("en-GB");
        signIn("host@example.com");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hosting"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Earnings"))
                .click();
        Locator earnings = page.getByTestId("earnings");
        // what is pending from the demo bookings, or the empty state of a host nobody has paid yet
        PlaywrightAssertions.assertThat(earnings.getByTestId("balance")
                        .or(earnings.getByText("Nothing earned yet"))
                        .first())
                .isVisible();
        PlaywrightAssertions.assertThat(
                        earnings.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Payouts")))
                .isVisible();

        field("Connected account id").fill("not an account");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true))
                .click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT)).containsText("connected account");
        field("Connected account id").fill("acct_webapp_test");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true))
                .click();
        PlaywrightAssertions.assertThat(earnings).containsText("Payouts go to acct_webapp_test.");
    }

    @Test
    void anAdminSeesThePlatformsAnalyticsAsChartsWithTables() {
        open("en-GB");
        signIn("admin@example.com");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Platform analytics"))
                .click();
        // the last 30 days, a point a day: 30 dots in the chart, 30 rows in its table
        Locator chart = page.getByTestId("chart-bookings");
        PlaywrightAssertions.assertThat(chart.locator("svg[role=img]")).isVisible();
        PlaywrightAssertions.assertThat(chart.locator("svg circle")).hasCount(30);
        PlaywrightAssertions.assertThat(page.getByTestId("series-table").locator("tbody tr"))
                .hasCount(30);
        PlaywrightAssertions.assertThat(page.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rebuild from the event log")))
                .isEnabled();

        page.getByLabel("Each point is").selectOption("week");
        PlaywrightAssertions.assertThat(page.getByTestId("series-table").locator("thead"))
                .containsText("Week from");
        int weeks = page.getByTestId("series-table").locator("tbody tr").count();
        assertThat(weeks).isBetween(5, 6);
        PlaywrightAssertions.assertThat(chart.locator("svg circle")).hasCount(weeks);
    }

    @Test
    void aHostOpensTheBookingsOfASessionWithTheGuestsMasked() throws Exception {
        StackClient client = new StackClient(stack);
        String session = client.sessionWithSeats(3, StackClient.demoId("venue:gdansk-oliwa-house:0"))
                .toString();
        String booking = StackClient.match(
                StackClient.ID, client.book("guest5@example.com", session, 2).body());
        assertThat(client.awaitDecision("guest5@example.com", booking)).isEqualTo("CONFIRMED");

        open("en-GB");
        signIn("host@example.com");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hosting"))
                .click();
        Locator row = page.locator("[data-session='" + session + "']");
        Locator toggle =
                row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Bookings")));
        toggle.click();
        PlaywrightAssertions.assertThat(toggle).hasAttribute("aria-expanded", "true");
        Locator bookings = page.getByTestId("session-bookings");
        PlaywrightAssertions.assertThat(bookings.locator("tbody tr")).hasCount(1);
        PlaywrightAssertions.assertThat(bookings).containsText("g***@example.com");
        PlaywrightAssertions.assertThat(bookings).not().containsText("guest5@example.com");
        PlaywrightAssertions.assertThat(bookings).containsText("Confirmed");
        // kickoff is two hours away: no-shows are recorded only from kickoff on
        PlaywrightAssertions.assertThat(bookings).containsText("after kickoff");
    }
}
