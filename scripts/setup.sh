#!/usr/bin/env bash
# Installs what the project needs beyond the .NET SDK, once; a no-op when all is there.
#   fonts-lxgw-wenkai: a TrueType font with Chinese and Latin glyphs for the PDF documents.
#   postgresql: the service's database at scale; the tests run the API suite against it too.
#   chromium, chromium-driver: the headless browser (and its WebDriver) of the committee pages' browser test.
#   ghostscript, qpdf, poppler-utils: the PDF tests re-write the documents with Ghostscript, check them with
#     qpdf and read their text with pdftotext.
#   python3-openpyxl, libreoffice-calc-nogui: the workbook tests read the accountant's workbook with openpyxl and
#     fill and convert the facts template the way a school's LibreOffice does.
#   nodejs, npm: the OpenAPI tools of tests/openapi-tools (Spectral, Redocly, openapi-typescript, TypeScript), installed
#   there from its package-lock.json; the API tests lint and generate types from the service's document with them.
set -euo pipefail
packages=(fonts-lxgw-wenkai postgresql chromium chromium-driver ghostscript qpdf poppler-utils python3-openpyxl
  libreoffice-calc-nogui)
# A Node.js from elsewhere (with its own npm) serves as well; Debian's npm would conflict with it.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
tools="$(dirname "$0")/../tests/openapi-tools"
if [ ! -d "$tools/node_modules" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  echo "installing the OpenAPI tools of tests/openapi-tools"
  npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error >/dev/null
fi
