#!/usr/bin/env python3
"""Screenshots of the web edition for the README: screenshots.py EDITION_DIR IMAGES_DIR

Takes the plan page and the first Änderungsprotokoll of a published edition (for example the demo's Stade plan,
written by publish-demo.sh) in headless Chromium, 1280 px wide, and writes `web-edition-plan.png` and
`web-edition-aenderungsprotokoll.png` into IMAGES_DIR. Run it through the venv that setup.sh builds:

    bash Scripts/web-edition/publish-demo.sh /tmp/demo-web
    /tmp/web-edition-venv/bin/python Scripts/web-edition/screenshots.py /tmp/demo-web/stade docs/images
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check import start_browser  # noqa: E402  (one way to start the browser, shared with the checker)


def main() -> int:
    edition, images = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    images.mkdir(parents=True, exist_ok=True)
    driver = start_browser(1280, 900)
    try:
        for page, name in [("index.html", "web-edition-plan.png"), ("aenderungen-1.html", "web-edition-aenderungsprotokoll.png")]:
            driver.get((edition / page).as_uri())
            driver.save_screenshot(str(images / name))
            print(images / name)
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
