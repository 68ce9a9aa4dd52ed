"""Full-page screenshots of the key pages at desktop and phone width.

Used by the test suite (into test-artifacts/) and by `python scripts/screenshots.py` (into
docs/screenshots/, shown in the README).
"""

from __future__ import annotations

from pathlib import Path

from browser_support import CHROMIUM, LAUNCH_ARGS
from playwright.async_api import async_playwright

# One page of every kind the site publishes, named as the files in docs/screenshots/ are.
PAGES = {
    "start": "",
    "ziele": "ziele/",
    "ziel": "ziele/ortskerne-beleben/",
    "projekte": "projekte/",
    "projekt": "projekte/dorfladen-mehlbach/",
    "prozess": "prozess/",
    "beteiligung-uebersicht": "beteiligung/",
    "beteiligung": "beteiligung/zukunftswerkstatt-weilerbach/",
    "raeume": "raeume/",
    "raum": "raeume/vg-weilerbach/",
    "netzwerk": "netzwerke/dorflaeden/",
    "aktuelles": "aktuelles/rufbus-lautertal-startet/",
    "daten": "daten/",
    "barrierefreiheit": "barrierefreiheit/",
    "leichte-sprache": "leichte-sprache/",
    "gebaerdensprache": "gebaerdensprache/",
    "impressum": "impressum/",
    "datenschutz": "datenschutz/",
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
                    response = await page.goto(base_url + path, wait_until="load")
                    if response is None or response.status != 200:
                        raise AssertionError(f"{base_url + path}: {response.status if response else 'no response'}")
                    await page.wait_for_timeout(100)
                    file = target / f"{name}-{width_name}.png"
                    await page.screenshot(path=str(file), full_page=True)
                    written.append(file)
                await context.close()
        finally:
            await browser.close()
    return written
