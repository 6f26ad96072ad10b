#!/usr/bin/env bash
# Neovim layer wrapper: copy a seed report into a temp workspace as a .md file and run
# test/e2e/nvim-lsp.lua against `node SERVER --stdio` in headless nvim 0.7.2.
#   test/e2e/nvim-lsp.sh [SERVER] [SEED] [NAME]
# Defaults: <repo>/dist/server.js and seed 004 as 2023年度报告.md; with the default seed the
# script also checks seed 004's known findings and the heading quick fix (EXPECT=004).
# Writes the JSON to $E2E_OUT/nvim/diagnostics.json and counts.json; exit code as nvim-lsp.lua.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
SERVER=${1:-$E2E_ROOT/dist/server.js}
SEED=${2:-$NIANBAO_SEEDS/$E2E_DIAG_SEED}
EXPECT=$([ $# -lt 2 ] && echo 004)
NAME=${3:-$E2E_DIAG_NAME}
out="$E2E_OUT/nvim"; rm -rf "$out"; mkdir -p "$out"
T=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-e2e-nvim.XXXXXX")
mkdir -p "$T/ws" "$T/xdg"
cp "$SEED" "$T/ws/$NAME"
start=$(date +%s%N)
EXPECT=$EXPECT SERVER=$SERVER FILE="$T/ws/$NAME" ROOT="$T/ws" \
  XDG_CONFIG_HOME="$T/xdg" XDG_DATA_HOME="$T/xdg" XDG_CACHE_HOME="$T/xdg" XDG_STATE_HOME="$T/xdg" \
  timeout --kill-after=5 "${NVIM_TIMEOUT:-60}" nvim --headless -n -i NONE -u "$E2E_ROOT/test/e2e/nvim-lsp.lua" \
  </dev/null >"$out/stdout.log" 2>"$out/stderr.log"
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
json=$(grep -m1 '^{' "$out/stdout.log" || true)
printf '%s\n' "$json" > "$out/diagnostics.json"
echo "$json" | head -c 2000; echo
if [ $rc -eq 0 ]; then
  echo '{"passed":1,"failed":0}' > "$out/counts.json"
  echo "[nvim] PASS: 1 passed, 0 failed (${ms} ms)"
else
  echo '{"passed":0,"failed":1}' > "$out/counts.json"
  [ $rc -eq 124 ] && echo "[nvim] timed out"
  echo "[nvim] stderr tail:"; tail -n 20 "$out/stderr.log"; echo
  echo "[nvim] FAIL (exit $rc): 0 passed, 1 failed (${ms} ms)"
fi
rm -rf "$T"
exit $rc
