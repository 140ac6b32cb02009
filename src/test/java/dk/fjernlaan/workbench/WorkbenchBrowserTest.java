package dk.fjernlaan.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import dk.fjernlaan.order.OrderStatus;
import dk.fjernlaan.order.Orders;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import dk.fjernlaan.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workbench in a real browser (Debian's Chromium driven by its ChromeDriver): a librarian logs in, finds a
 * manual order, sees its candidates by name and sends it to one; the lender answers, prints a pull slip and ships;
 * the desk receives, hands out and takes back; a wrong branch or date is a message next to the field;
 * the type-ahead finds branches by name; another library's librarian sees nothing. Screenshots of each page go to
 * {@code target/screenshots}. Run with {@code mvn test -Pbrowser}.
 */
@Tag("browser")
class WorkbenchBrowserTest extends IntegrationTest {

    static final String BORROWER = "725300";
    static final String LENDER = "726000";
    static final String OTHER = "726900";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired Orders orders;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000", "--lang=da",
            "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "da"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
            // a Danish librarian's browser (Debian's chromium-l10n): its own date fields are dd.mm.åååå
            .withEnvironment(Map.of("LANG", "da_DK.UTF-8", "LANGUAGE", "da")).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private long manualOrder() throws Exception {
        participates(BORROWER, 0, 0);
        participates(LENDER, 0, 365);
        String pid = record("work-" + unique("browser"), today().minusDays(200));
        items(pid, LENDER, List.of(Map.of("status", "OnShelf")));
        long orderId = placeOrder(Map.of("pickupBranchId", BORROWER, "patronId", patron(BORROWER), "pids", List.of(pid),
            "needBeforeDate", today().plusDays(60).toString(), "orderSystem", "bibliotekdk")).get("orderId").asLong();
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.AWAITING_MANUAL);
        return orderId;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void logIn(String agencyId) {
        String user = staffOf(agencyId);
        browser.get(url("/arbejdsbord/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/arbejdsbord/manuel-koe"));
    }

    private void screenshot(String name) throws IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aLibrarianFindsTheManualOrderSeesItsCandidatesByNameAndSendsItToOne() throws Exception {
        long orderId = manualOrder();
        browser.get(url("/arbejdsbord/login"));
        screenshot("login");
        logIn(BORROWER);

        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-order-id='" + orderId + "']")));
        assertThat(row.getText()).contains("For nyt efter långivernes grænser");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Manuel kø", "Greve Bibliotek");
        screenshot("manuel-koe");
        row.findElement(By.linkText(String.valueOf(orderId))).click();

        WebElement candidate = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-branch-id='" + LENDER + "']")));
        assertThat(candidate.getText()).contains("Frederiksværk Hovedbibliotek", "Halsnæs Bibliotekerne", "Ikke med",
            "For nyt efter långivernes grænser");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Afventer manuel behandling");
        screenshot("bestilling");
        candidate.findElement(By.tagName("button")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.done")));
        assertThat(browser.findElement(By.cssSelector(".message.done")).getText()).isEqualTo("Bestillingen er sendt til Frederiksværk Hovedbibliotek.");
        runJobs();
        browser.navigate().refresh();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status"))).getAttribute("data-status"))
            .isEqualTo(OrderStatus.SENT_TO_LENDER.name());
        assertThat(orders.order(orderId).lenderBranchId()).isEqualTo(LENDER);
        assertThat(browser.findElement(By.cssSelector(".timeline")).getText()).contains("Personalet har valgt långiver Frederiksværk Hovedbibliotek");
        screenshot("bestilling-sendt");
    }

    /** Clicks, and the caller waits for the answer page before it looks behind it. */
    private void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    @Test
    void theLenderAnswersAndShipsFromItsRequestsAndTheDeskReceivesHandsOutAndTakesBack() throws Exception {
        long orderId = manualOrder();
        logIn(BORROWER);
        browser.get(url("/arbejdsbord/bestillinger/" + orderId));
        click("tr[data-branch-id='" + LENDER + "'] button");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.done")));
        runJobs();
        browser.manage().deleteAllCookies();

        logIn(LENDER);
        browser.get(url("/arbejdsbord/anmodninger"));
        String request = "article[data-order-id='" + orderId + "']";
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(request)));
        assertThat(card.getText()).contains("Greve Bibliotek", "Sendt til långiver");
        card.findElement(By.id("senere-" + orderId)).submit();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fejl-" + orderId))).getText())
            .isEqualTo("Vælg den dato, I kan levere.");
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.SENT_TO_LENDER);
        // the browser's own date field, Danish (dd.mm.åååå): typed as a librarian types it
        LocalDate later = today().plusDays(5);
        WebElement date = browser.findElement(By.id("senere-" + orderId));
        date.sendKeys(DateTimeFormatter.ofPattern("ddMMuuuu").format(later));
        assertThat(date.getAttribute("value")).isEqualTo(later.toString());
        screenshot("anmodninger");
        date.submit();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.done")));
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.EXPECT_TO_SUPPLY);
        assertThat(orders.order(orderId).expectedDelivery()).isEqualTo(later);
        browser.get(url("/arbejdsbord/anmodninger/" + orderId + "/plukseddel"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pickup"))).getText()).isEqualTo("Greve Bibliotek");
        screenshot("plukseddel");
        browser.get(url("/arbejdsbord/anmodninger"));
        click(request + " form.ship button");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.done")));
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.SHIPPED);
        browser.manage().deleteAllCookies();

        logIn(BORROWER);
        browser.get(url("/arbejdsbord/skranken"));
        String row = "tr[data-order-id='" + orderId + "']";
        screenshot("skranken");
        click(row + " button");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.done")));
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.AT_PICKUP);
        browser.get(url("/arbejdsbord/skranken"));
        click(row + " form[action$='/udlever'] button");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.done")));
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.ON_LOAN);
        browser.get(url("/arbejdsbord/skranken"));
        click(row + " form[action$='/aflevering'] button");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.done")));
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.RETURN_SHIPPED);
        browser.manage().deleteAllCookies();

        // the lender confirms the item is back: the order's life ends
        logIn(LENDER);
        browser.get(url("/arbejdsbord/anmodninger"));
        WebElement loan = visible(".loans tr[data-order-id='" + orderId + "']");
        assertThat(loan.getText()).contains("Greve Bibliotek", "Sendt retur til långiver");
        screenshot("anmodninger-retur");
        meetsWcag21AA("anmodninger, udlånt");
        click(".loans tr[data-order-id='" + orderId + "'] form[action$='/udlaan/modtaget'] button");
        assertThat(visible(".message.done").getText()).isEqualTo("Bestilling " + orderId + " er kvitteret: materialet er hjemme igen.");
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void aWrongBranchIsAMessageNextToTheFieldAndTheTypeAheadFindsBranchesByName() throws Exception {
        long orderId = manualOrder();
        logIn(BORROWER);
        browser.get(url("/arbejdsbord/bestillinger/" + orderId));
        WebElement branch = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filial")));
        branch.sendKeys("Halsnæs");
        wait.until(d -> d.findElements(By.cssSelector("#filialer option")).stream()
            .anyMatch(o -> o.getAttribute("value").contains("Frederiksværk Hovedbibliotek, Halsnæs Bibliotekerne (726000)")));

        branch.clear();
        branch.sendKeys("Ingenby Bibliotek");
        branch.submit();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filial-fejl")));
        assertThat(error.getText()).isEqualTo("Der er ingen filial, der hedder \"Ingenby Bibliotek\". Vælg en filial fra listen.");
        assertThat(browser.findElement(By.id("filial")).getAttribute("aria-invalid")).isEqualTo("true");
        screenshot("bestilling-fejl");
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.AWAITING_MANUAL);
    }

    @Test
    void anotherLibrarysLibrarianCannotSeeTheOrder() throws Exception {
        long orderId = manualOrder();
        logIn(OTHER);
        assertThat(browser.findElements(By.cssSelector("tr[data-order-id='" + orderId + "']"))).isEmpty();
        browser.get(url("/arbejdsbord/bestillinger/" + orderId));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText()).isEqualTo("Ikke fundet");
        assertThat(browser.getPageSource()).doesNotContain("Frederiksværk");
    }

    private void logInToTasklist(String agencyId) {
        browser.get(url("/camunda/app/tasklist/default/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=text]"))).sendKeys(staffOf(agencyId));
        browser.findElement(By.cssSelector("input[type=password]")).sendKeys(STAFF_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private WebElement visible(String css) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }

    @Test
    void theLenderAnswersInTasklistWithADanishDateAndAWrongDateIsADanishMessageNotAnEngineError() throws Exception {
        long orderId = manualOrder();
        asStaff(BORROWER, postJson("/api/orders/" + orderId + "/manual-decision", Map.of("action", "SEND", "lenderBranchId", LENDER)));
        runJobs();
        logInToTasklist(LENDER);
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Besvar fjernlånsanmodning " + orderId))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[(self::a or self::button) and normalize-space(.)='Claim']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[contains(normalize-space(.),'Leverer senere')]"))).click();
        assertThat(browser.findElement(By.xpath("//label[@for=//input[contains(@id,'-Field_Expected')]/@id]")).getText())
            .startsWith("Forventet afsendelse (dd-mm-åååå)");

        visible("input[id$='-Field_Expected']").sendKeys("31-02-2027");
        browser.findElement(By.xpath("//button[normalize-space(.)='Complete']")).click();
        WebElement refusal = visible(".notifications .alert-danger .message");
        assertThat(refusal.getText()).contains("Forventet afsendelse: «31-02-2027» er ikke en dato. Skriv datoen som dd-mm-åååå").doesNotContain("ENGINE-", "expectedDeliveryDate");
        screenshot("tasklist-fejl");
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.SENT_TO_LENDER);

        browser.findElement(By.cssSelector(".notifications .alert-danger [ng-transclude] .close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".notifications .alert-danger")));
        LocalDate later = today().plusDays(6);
        WebElement date = visible("input[id$='-Field_Expected']");
        date.clear();
        date.sendKeys(DateTimeFormatter.ofPattern("dd-MM-uuuu").format(later));
        browser.findElement(By.xpath("//button[normalize-space(.)='Complete']")).click();
        wait.until(d -> orders.order(orderId).status() == OrderStatus.EXPECT_TO_SUPPLY);
        assertThat(orders.order(orderId).expectedDelivery()).isEqualTo(later);
    }

    @Test
    void aLibrarianWhoOpensCockpitGetsADanishPageWithTheWayToTheWorkbench() throws Exception {
        logInToTasklist(LENDER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("Mit biblioteks opgaver")));
        browser.get(url("/camunda/app/cockpit/default/"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText()).isEqualTo("Ikke tilladt");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Cockpit og Admin er for driften").doesNotContain("Whitelabel");
        screenshot("cockpit-ingen-adgang");
        browser.findElement(By.linkText("Til arbejdsbordet")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText()).isEqualTo("Log ind");
    }

    @Test
    void inTasklistTheLibrarianChoosesTheLenderByName() throws Exception {
        long orderId = manualOrder();
        logInToTasklist(BORROWER);
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Behandl manuel bestilling " + orderId))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[(self::a or self::button) and normalize-space(.)='Claim']"))).click();
        assertThat(visible("input[id$='-Field_Reason']").getAttribute("value")).isEqualTo("For nyt efter långivernes grænser");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[contains(normalize-space(.),'Send til långiver')]"))).click();
        WebElement lender = visible("input[id$='-Field_Lender']");
        lender.click();
        lender.sendKeys("Frederiksværk");
        WebElement choice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist-item")));
        assertThat(choice.getText()).isEqualTo("Frederiksværk Hovedbibliotek, Halsnæs Bibliotekerne (" + LENDER + ") · ikke med: For nyt efter långivernes grænser");
        choice.click();
        screenshot("tasklist-manuel");
        browser.findElement(By.xpath("//button[normalize-space(.)='Complete']")).click();
        wait.until(d -> orders.order(orderId).status() != OrderStatus.AWAITING_MANUAL);
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.SENT_TO_LENDER);
        assertThat(orders.order(orderId).lenderBranchId()).isEqualTo(LENDER);
    }

    /** Deque's axe-core in the page: the WCAG 2.1 A and AA rules (contrast, labels, names, landmarks, language). */
    private void meetsWcag21AA(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        assertThat(results.getViolations()).as(page + ": " + results.getViolations().stream()
            .map(v -> v.getId() + " " + v.getNodes().stream().map(n -> n.getTarget().toString()).toList()).toList()).isEmpty();
    }

    @Test
    void everyPageMeetsWcag21AAAndALibrarianSendsAnOrderWithTheKeyboardAlone() throws Exception {
        long orderId = manualOrder();
        // the check finds what it should: a pale text and a field without a label
        browser.get("data:text/html;charset=utf-8,<html lang=da><title>x</title><main><p style='color:%23ccc'>bleg</p><input></main></html>");
        assertThat(new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa")).analyze(browser).getViolations())
            .extracting(v -> v.getId()).contains("color-contrast", "label");
        browser.get(url("/arbejdsbord/login"));
        meetsWcag21AA("login");
        logIn(BORROWER);
        meetsWcag21AA("manuel kø");
        browser.get(url("/arbejdsbord/skranken"));
        meetsWcag21AA("skranken");
        browser.get(url("/arbejdsbord/anmodninger"));
        meetsWcag21AA("anmodninger");
        browser.get(url("/arbejdsbord/bestillinger/999"));
        meetsWcag21AA("ikke fundet");
        browser.get(url("/arbejdsbord/bestillinger/" + orderId));
        meetsWcag21AA("bestilling");

        // from the top of the page, Tab by Tab: every stop shows where the focus is, and Enter sends
        WebElement send = browser.findElement(By.cssSelector("tr[data-branch-id='" + LENDER + "'] button"));
        browser.findElement(By.tagName("body")).click();
        boolean reached = false;
        for (int i = 0; i < 80 && !reached; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            assertThat(focused.getCssValue("outline-style")).as("focus shown on " + focused.getTagName() + " " + focused.getText())
                .isNotEqualTo("none");
            reached = focused.equals(send);
        }
        assertThat(reached).as("the candidate's send button is reached with Tab").isTrue();
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertThat(visible(".message.done").getText()).isEqualTo("Bestillingen er sendt til Frederiksværk Hovedbibliotek.");
        meetsWcag21AA("bestilling, sendt");
        runJobs();
        assertThat(orders.order(orderId).status()).isEqualTo(OrderStatus.SENT_TO_LENDER);

        browser.manage().deleteAllCookies();
        logIn(LENDER);
        browser.get(url("/arbejdsbord/anmodninger/" + orderId + "/plukseddel"));
        meetsWcag21AA("plukseddel");
    }
}
