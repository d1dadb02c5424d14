package org.ncverify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncverify.claims.Catalogue;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens a real {@code --quick} report from disk in Debian's headless Chromium (Selenium with
 * Debian's chromedriver; no browser download) and checks: no console error, no network request
 * (every request the performance log records is the page's own file:// URL, or the browser's
 * internal chrome:/about: pages; any http, https, ws, data or other URL fails), more than five
 * SVGs (spectrum, three scalar laws, margins, the optimizer's panel, further figures), each of
 * non-zero size, the hunt findings above the summary, every claim of the catalogue in the summary; saves
 * target/report-screenshot.png. Skipped when /usr/bin/chromium or /usr/bin/chromedriver is
 * absent (install: apt-get install -y chromium chromium-driver).
 */
class BrowserReportTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    @Test
    void quickReportInHeadlessChromium() throws Exception {
        assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute(), "Debian chromium and chromium-driver are not installed");
        Path out = dir.resolve("quick");
        ReportWriter.write(out, Report.files(Campaign.quick(40, 1, 1).run("test", null, "test", s -> { })));
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + Files.createDirectory(dir.resolve("profile")), "--window-size=1200,4200");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        ChromeDriver driver = new ChromeDriver(service, o);
        try {
            String url = out.resolve("index.html").toUri().toString();
            driver.get(url);
            List<String> errors = new ArrayList<>();
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                    errors.add(e.getMessage());
                }
            }
            assertTrue(errors.isEmpty(), "console: " + errors);
            List<String> requests = new ArrayList<>();
            for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
                String m = e.getMessage();
                if (m.contains("\"Network.requestWillBeSent\"")) {
                    int at = m.indexOf("\"url\":\"");
                    requests.add(m.substring(at + 7, m.indexOf('"', at + 7)));
                }
            }
            assertTrue(!requests.isEmpty(), "the performance log recorded no request at all (the check would be vacuous)");
            assertTrue(requests.contains(url), "the page's own load is not in the log: " + requests);
            for (String r : requests) {
                // file: is the page itself; chrome: and about: are the browser's own blank/new-tab pages
                assertTrue(r.startsWith("file:") || r.startsWith("chrome:") || r.startsWith("about:"),
                    "network request: " + r);
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> boxes = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('svg')).map(s => {const r = s.getBoundingClientRect();"
                    + " return {name: s.getAttribute('data-plot'), w: r.width, h: r.height};});");
            assertEquals(15, boxes.size(), "spectrum, three scalar laws, margins, nine theory charts, the optimizer's one panel");
            for (Map<String, Object> b : boxes) {
                assertTrue(((Number) b.get("w")).doubleValue() > 0 && ((Number) b.get("h")).doubleValue() > 0,
                    "empty plot " + b);
            }
            WebElement optimizer = driver.findElement(By.id("plot-optimizer-0"));
            assertTrue(optimizer.getSize().getHeight() > 0, "the optimizer figure is not shown");
            WebElement hunts = driver.findElement(By.id("hunt-findings"));
            assertTrue(hunts.getLocation().getY() < driver.findElement(By.id("summary")).getLocation().getY(),
                "the hunt findings are below the summary");
            WebElement summary = driver.findElement(By.id("summary"));
            for (String id : Catalogue.all().ids()) {
                assertTrue(summary.findElements(By.xpath(".//td[text()='" + id + "']")).size() == 1, "summary lacks " + id);
            }
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
        }
    }
}
