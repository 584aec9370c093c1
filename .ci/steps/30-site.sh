#!/usr/bin/env bash
# The course website: build it from the committed notebooks with the README's
# command, then test it (site/tests: the build, and the pages in headless
# Chromium over a local HTTP server: search ranking, axe-core on every page in
# light and dark, figures on a phone, page weight). Its tools live in their own
# virtual environment, .venv-site (Pagefind's binary comes inside its PyPI
# wheel); axe-core comes from npm into site/tests/node_modules; Chromium comes
# from Debian (installed here when /usr/bin/chromium is missing; CI runs as
# root). Screenshots (desktop and phone, light and dark) land in
# build/site-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/../.."

start=$SECONDS
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "the site's browser test needs Chromium: apt-get install chromium (as root)" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! command -v npm >/dev/null; then
    if [ "$(id -u)" != 0 ]; then
        echo "the site's browser test needs npm (for axe-core): apt-get install npm (as root)" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
fi

python3 -m venv .venv-site
.venv-site/bin/python -m pip install --quiet --upgrade pip
.venv-site/bin/python -m pip install --quiet -r site/tests/requirements.txt
npm ci --prefix site/tests --no-audit --no-fund --loglevel=error

if command -v ruff >/dev/null; then
    ruff check site
fi
.venv-site/bin/python site/build.py
.venv-site/bin/python -m pytest -c site/tests/pytest.ini site/tests
echo "site built and tested in $((SECONDS - start)) s; screenshots in build/site-artifacts/"
