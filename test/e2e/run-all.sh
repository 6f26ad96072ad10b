#!/usr/bin/env bash
# Real-editor tests (npm run test:e2e). Five layers, each in its own timeout:
#   nvim     Neovim 0.7.2 as LSP client of `node dist/server.js --stdio`          (1 test)
#   exthost  mocha (test/e2e/suite) inside code-server's real extension host,
#            repo root loaded as development extension via the payload URL       (N tests)
#   ui       nianbao.vsix installed into a fresh code-server, driven by chromium  (1 test)
#   electron the exthost suite under desktop VS Code (@vscode/test-electron); not run
#            (skipped) where VS Code cannot be downloaded or there is no display      (N tests)
#   word     test/word: .docx made and read by LibreOffice, PDFs read by poppler    (N tests)
# The last line printed is the aggregate "N passed, N failed, N skipped; not run: LAYER, …" (the
# layers E2E_LAYERS leaves out or that skip themselves); exit status is non-zero on any failure,
# and when nothing passed.
#
# Environment:
#   E2E_LAYERS=nvim,exthost,ui,electron,word   subset to run (default all)
#   HARNESS_FORCE_FAIL=1|nvim|exthost|ui   add a failing check to prove the run goes red
#   CI=true                      non-interactive (stdin is /dev/null for everything anyway)
#   NIANBAO_EXT_ROOT / NIANBAO_VSIX / NIANBAO_SEEDS   see lib.sh
set -uo pipefail
. "$(dirname "$0")/lib.sh"
cd "$E2E_ROOT"
exec </dev/null

ALL_LAYERS=nvim,exthost,ui,electron,word
LAYERS=${E2E_LAYERS:-$ALL_LAYERS}
want() { [[ ",$LAYERS," == *",$1,"* ]]; }
TOTAL_P=0 TOTAL_F=0 TOTAL_S=0
SUMMARY=() NOT_RUN=()
t_all=$SECONDS

# add_counts NAME RC: fold $E2E_OUT/NAME/counts.json into the totals. A layer passes only by
# counting passed tests: one that failed (exit status or counts), or that exited 0 without a
# readable counts.json or with no test counted, fails. One that exits 0 reporting only
# {"skipped": n} did not run: its tests count as skipped, neither passed nor failed.
add_counts() {
  local name=$1 rc=$2 p=0 f=0 s=0 c="$E2E_OUT/$1/counts.json" state why=""
  if [ ! -f "$c" ]; then why="wrote no counts.json"
  elif ! read -r p f s < <(node -e 'const c=require(process.argv[1]);console.log((c.passed|0)+" "+(c.failed|0)+" "+(c.skipped|0))' "$c" 2>/dev/null); then
    p=0 f=0 s=0 why="counts.json unreadable"
  elif [ $((p + f + s)) -eq 0 ]; then why="counted no test"
  fi
  if [ "$rc" -ne 0 ] || [ -n "$why" ] || [ "$f" -gt 0 ]; then
    state=FAIL s=0; [ "$f" -eq 0 ] && f=1
  elif [ "$p" -eq 0 ]; then
    state="NOT RUN" why="skipped by the layer"; NOT_RUN+=("$name")
  else state=PASS
  fi
  TOTAL_P=$((TOTAL_P + p)); TOTAL_F=$((TOTAL_F + f)); TOTAL_S=$((TOTAL_S + s))
  SUMMARY+=("$(printf '%-8s %-7s %3d passed, %d failed, %d skipped%s' "$name" "$state" "$p" "$f" "$s" "${why:+ ($why)}")")
}

# not_selected NAME: a layer E2E_LAYERS leaves out; shown as not run.
not_selected() {
  NOT_RUN+=("$1")
  SUMMARY+=("$(printf '%-8s %-7s (not in E2E_LAYERS)' "$1" "NOT RUN")")
}

# layer NAME TIMEOUT CMD...: run one layer, time it, record its counts.
layer() {
  local name=$1 tmo=$2 rc=0 t=$SECONDS
  shift 2
  echo
  log "=== layer $name (timeout ${tmo}s) ==="
  rm -f "$E2E_OUT/$name/counts.json"
  timeout --kill-after=15 "$tmo" "$@" || rc=$?
  [ $rc -eq 124 ] && log "layer $name TIMED OUT after ${tmo}s"
  log "=== layer $name: $([ $rc -eq 0 ] && echo "done (exit 0)" || echo "FAIL (rc=$rc)") in $((SECONDS - t))s ==="
  add_counts "$name" $rc
}

# fail_layer NAME WHY: a layer that could not even start.
fail_layer() {
  log "layer $1 not run: $2"
  mkdir -p "$E2E_OUT/$1"; echo '{"passed":0,"failed":1}' > "$E2E_OUT/$1/counts.json"
  add_counts "$1" 1
}

# ---- preparation -----------------------------------------------------------------
have_dist() { [ -f "$E2E_ROOT/dist/extension.js" ] && [ -f "$E2E_ROOT/dist/server.js" ]; }
vsix_stale() {
  [ -f "$NIANBAO_VSIX" ] || return 0
  local f
  for f in "$E2E_ROOT/dist/extension.js" "$E2E_ROOT/dist/server.js" "$E2E_ROOT/package.json"; do
    [ -f "$f" ] && [ "$f" -nt "$NIANBAO_VSIX" ] && return 0
  done
  return 1
}

prep_ok=1
bash "$E2E_ROOT/test/e2e/apt-deps.sh" || log "Debian packages missing: the layers that need them will fail"
if want ui && [ "$NIANBAO_VSIX" = "$E2E_ROOT/nianbao.vsix" ] && vsix_stale; then
  # `npm run package` also rebuilds dist/ (production), so it runs before every layer.
  log "nianbao.vsix missing or older than dist/: npm run package"
  timeout --kill-after=10 600 npm run package >"$E2E_OUT/package.log" 2>&1 \
    || { log "npm run package FAILED"; tail -n 30 "$E2E_OUT/package.log" >&2; }
fi
if { want nvim || want exthost; } && [ "$NIANBAO_EXT_ROOT" = "$E2E_ROOT" ] && ! have_dist; then
  log "dist/ missing: npm run build"
  timeout --kill-after=10 600 npm run build >"$E2E_OUT/build.log" 2>&1 \
    || { log "npm run build FAILED"; tail -n 30 "$E2E_OUT/build.log" >&2; }
fi
if want exthost || want ui; then
  ensure_code_server || { prep_ok=0; log "code-server install FAILED"; }
  command -v "${CHROMIUM:-/usr/bin/chromium}" >/dev/null || { prep_ok=0; log "chromium not found (apt-get install chromium)"; }
fi

# ---- layers ----------------------------------------------------------------------
for name in ${LAYERS//,/ }; do
  [[ ",$ALL_LAYERS," == *",$name,"* ]] || fail_layer "$name" "unknown layer (E2E_LAYERS takes $ALL_LAYERS)"
done

if want nvim; then
  if ! command -v nvim >/dev/null; then fail_layer nvim "nvim not installed (apt-get install neovim)"
  elif [ ! -f "$NIANBAO_EXT_ROOT/dist/server.js" ]; then fail_layer nvim "$NIANBAO_EXT_ROOT/dist/server.js missing"
  else layer nvim 120 bash test/e2e/nvim-lsp.sh "$NIANBAO_EXT_ROOT/dist/server.js"
  fi
else not_selected nvim
fi

if want exthost; then
  if [ $prep_ok -eq 0 ]; then fail_layer exthost "code-server/chromium unavailable"
  elif [ ! -f "$NIANBAO_EXT_ROOT/dist/extension.js" ]; then fail_layer exthost "$NIANBAO_EXT_ROOT/dist/extension.js missing"
  else layer exthost 420 bash test/e2e/lib.sh with_code_server exthost 360 -- node test/e2e/exthost.mjs
  fi
else not_selected exthost
fi

if want electron; then
  layer electron 600 node test/electron/run.mjs
else not_selected electron
fi

if want ui; then
  if [ $prep_ok -eq 0 ]; then fail_layer ui "code-server/chromium unavailable"
  elif [ ! -f "$NIANBAO_VSIX" ]; then fail_layer ui "$NIANBAO_VSIX missing (npm run package failed?)"
  else layer ui 300 bash test/e2e/lib.sh with_code_server ui 240 --vsix "$NIANBAO_VSIX" -- node test/e2e/ui.mjs
  fi
else not_selected ui
fi

if want word; then
  if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then fail_layer word "soffice/pdftotext not installed (apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk)"
  else layer word 900 bash test/e2e/word.sh
  fi
else not_selected word
fi

echo
log "e2e finished in $((SECONDS - t_all))s; artifacts in $E2E_OUT"
for s in "${SUMMARY[@]}"; do echo "  $s"; done
not_run=$(IFS=,; echo "${NOT_RUN[*]}")
echo "$TOTAL_P passed, $TOTAL_F failed, $TOTAL_S skipped${not_run:+; not run: ${not_run//,/, }}"
[ "$TOTAL_F" -eq 0 ] && [ "$TOTAL_P" -gt 0 ]
