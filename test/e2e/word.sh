#!/usr/bin/env bash
# Word layer: test/word/*.test.ts (node:test) with LibreOffice, pdftotext and pdftoppm, which
# test/e2e/apt-deps.sh installs (without them every test fails, never skips). Artifacts in
# $E2E_OUT/word: the pages and the .docx LibreOffice made of them with their imports, the exported
# .docx, their PDFs and resaved copies, and table3.png, the exported 表三 page (docs/images has a copy).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
out="$E2E_OUT/word"; mkdir -p "$out"
cd "$E2E_ROOT"
node --import tsx --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$out.tap" \
  test/word/*.test.ts
rc=$?
p=$(grep -m1 -E '^# pass [0-9]+' "$out.tap" | awk '{print $3}')
# A failing hook (no soffice) cancels the tests it guards: they count as failed.
f=$(grep -E '^# (fail|cancelled) [0-9]+' "$out.tap" | awk '{n += $3} END {print n + 0}')
mkdir -p "$out"; mv "$out.tap" "$out/tap.txt"
echo "{\"passed\":${p:-0},\"failed\":${f:-0}}" > "$out/counts.json"
echo "[word] ${p:-0} passed, ${f:-0} failed"
exit $rc
