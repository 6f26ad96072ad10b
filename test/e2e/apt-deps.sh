#!/usr/bin/env bash
# Debian packages the real-editor tests need; installs only the missing ones (root only).
# Used by .ci/run and by run-all.sh, so `npm test` on a fresh machine sets itself up.
set -euo pipefail
PKGS=(chromium ripgrep neovim libkrb5-dev fonts-wqy-microhei libreoffice-writer-nogui poppler-utils fonts-noto-cjk)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && { echo "apt packages present: ${PKGS[*]}"; exit 0; }
if [ "$(id -u)" != 0 ]; then
  echo "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
timeout 1200 apt-get update -qq
timeout 1800 apt-get install -y -qq "${missing[@]}"
