#!/usr/bin/env bash
# Installs what the tests need beyond npm: Debian's chromium (e2e), LibreOffice and poppler (DOCX checks).
# Only Debian's packages are used; no tool downloads a browser of its own.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi 'Liberation Serif' || need+=(fonts-liberation)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Tendik tests need: ${need[*]} (Debian packages). Run as root or install them: apt-get install ${need[*]}" >&2
  exit 1
fi
echo "Installing Debian packages for the tests: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
