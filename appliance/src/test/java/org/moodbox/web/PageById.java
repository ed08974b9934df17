package org.moodbox.web;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The browser tests' words for a page whose controls have ids: click, type, read, wait. */
final class PageById {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private final ChromeDriver browser;

    PageById(ChromeDriver browser) {
        this.browser = browser;
    }

    /** Clicks a control after scrolling it to the centre, clear of the sticky section nav at the top. */
    void click(String id) {
        WebElement control = browser.findElement(By.id(id));
        browser.executeScript("arguments[0].scrollIntoView({block:'center'})", control);
        control.click();
    }

    void visible(String id) {
        await(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    <T> T await(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, PATIENCE).until(condition);
    }
}
