"""Walk the demo as reception, the operations lead and the content admin, and save the pages
the README shows. Run by scripts/screenshots against a demo server."""

import sys
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic"]
PASSWORD = "clinicbot-demo"


def log_in(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/?next=/staff/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("What needs attention now")


def main(base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        log_in(page, base, "reception")
        page.click("nav >> text=Calendar")
        for _ in range(10):  # the first day ahead with a booking (the demo's João books one)
            if page.locator("td.cell-booked").count():
                break
            shown = page.locator("h1").text_content()
            page.click("text=Next day →")
            expect(page.locator("h1")).not_to_have_text(shown)
        page.screenshot(path=out / "calendar-day.png", full_page=True)
        page.click("a[title='Week of Dra. Ana Souza']")
        page.screenshot(path=out / "calendar-week.png", full_page=True)
        page.locator("td.cell-free a.book").first.click()
        page.fill("#patient-search", "Lima")
        expect(page.locator("#patient-results")).to_contain_text("João Lima")
        page.screenshot(path=out / "calendar-book.png", full_page=True)
        page.click("nav >> text=Inbox")
        page.screenshot(path=out / "inbox.png", full_page=True)
        page.locator("tbody#inbox-rows a").first.click()
        page.screenshot(path=out / "conversation.png", full_page=True)
        log_in(page, base, "opslead")
        page.click("nav >> text=Metrics")
        page.screenshot(path=out / "metrics.png", full_page=True)
        log_in(page, base, "content")
        page.goto(f"{base}/staff/calendar/")
        page.screenshot(path=out / "forbidden.png", full_page=True)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), Path(sys.argv[2]))
