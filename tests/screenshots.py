"""Full-page screenshots of the key pages at desktop and phone width.

Used by the test suite (into test-artifacts/) and by `python scripts/screenshots.py` (into
docs/screenshots/, shown in the README).
"""

from __future__ import annotations

from pathlib import Path

from browser_support import CHROMIUM, LAUNCH_ARGS
from playwright.async_api import async_playwright

PAGES = {
    "start": "",
    "ziel": "ziele/ortskerne-beleben/",
    "projekt": "projekte/dorfladen-mehlbach/",
    "prozess": "prozess/",
    "beteiligung": "beteiligung/zukunftswerkstatt-weilerbach/",
    "raeume": "raeume/",
    "barrierefreiheit": "barrierefreiheit/",
}
WIDTHS = {"desktop": 1280, "mobil": 375}


async def take_screenshots(base_url: str, target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            for width_name, width in WIDTHS.items():
                context = await browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
                page = await context.new_page()
                for name, path in PAGES.items():
                    await page.goto(base_url + path, wait_until="load")
                    await page.wait_for_timeout(100)
                    file = target / f"{name}-{width_name}.png"
                    await page.screenshot(path=str(file), full_page=True)
                    written.append(file)
                await context.close()
        finally:
            await browser.close()
    return written
