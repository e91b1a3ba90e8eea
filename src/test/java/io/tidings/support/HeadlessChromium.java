package io.tidings.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver: nothing is
 * downloaded. Where the packages are missing the browser tests are skipped, unless
 * {@code TIDINGS_REQUIRE_BROWSER=true} (CI) makes that a failure.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final File BROWSER = new File(System.getenv().getOrDefault("TIDINGS_CHROMIUM", "/usr/bin/chromium"));

	private static final File DRIVER = new File(
			System.getenv().getOrDefault("TIDINGS_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private final ChromeDriver driver;

	private final Path profile;

	private HeadlessChromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Skips the calling test when there is no browser, unless CI requires one. */
	public static HeadlessChromium start(int width, int height) throws IOException {
		boolean present = BROWSER.canExecute() && DRIVER.canExecute();
		if (!present && Boolean.parseBoolean(System.getenv("TIDINGS_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("TIDINGS_REQUIRE_BROWSER is set, but " + BROWSER + " or " + DRIVER
					+ " is missing: apt-get install chromium chromium-driver");
		}
		Assumptions.assumeTrue(present, "no " + BROWSER + " and " + DRIVER + ": browser test skipped");
		Path profile = Files.createTempDirectory("tidings-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new HeadlessChromium(driver, profile);
	}

	public ChromeDriver driver() {
		return driver;
	}

	/**
	 * Clicks a button that submits a form and waits until the answer has replaced the
	 * page: a click can return while the old page is still shown, and a lookup right
	 * after it would then search the old page.
	 */
	public void submit(By button) {
		WebElement page = driver.findElement(By.tagName("html"));
		driver.findElement(button).click();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!replaced(page) || !"complete".equals(driver.executeScript("return document.readyState"))) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(
						"no new page 30 s after clicking " + button + "; still showing " + driver.getCurrentUrl());
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted while waiting for the page", ex);
			}
		}
	}

	private static boolean replaced(WebElement page) {
		try {
			page.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
	}

	/** Keeps a screenshot under target/screenshots/ as the test's artifact. */
	public Path screenshot(String name) throws IOException {
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
		return target;
	}

	@Override
	public void close() throws IOException {
		try {
			driver.quit();
		}
		finally {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

}
