#!/usr/bin/env bash
# Installs what the project needs beyond the .NET SDK, once; a no-op when all is there.
#   fonts-lxgw-wenkai: a TrueType font with Chinese and Latin glyphs for the PDF documents.
#   postgresql: the service's database at scale; the tests run the API suite against it too.
#   chromium, chromium-driver: the headless browser (and its WebDriver) of the committee pages' browser test.
#   ghostscript, qpdf, poppler-utils: the PDF tests re-write the documents with Ghostscript, check them with
#     qpdf and read their text with pdftotext.
#   python3-openpyxl, libreoffice-calc-nogui: the workbook tests read the accountant's workbook with openpyxl and
#     fill and convert the facts template the way a school's LibreOffice does.
set -euo pipefail
packages=(fonts-lxgw-wenkai postgresql chromium chromium-driver ghostscript qpdf poppler-utils python3-openpyxl
  libreoffice-calc-nogui)
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
