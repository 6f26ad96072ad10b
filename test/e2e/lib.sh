# shellcheck shell=bash
# Helpers for the real-editor tests. Source it:  . test/e2e/lib.sh
#
# Every test gets its own code-server on a free loopback port, with a fresh
# --user-data-dir, --extensions-dir, XDG dirs and a fixture workspace copied to a
# temp dir; the server is killed after the test, logs go to $E2E_OUT/<name>/.
#
# Knobs (environment):
#   NIANBAO_EXT_ROOT  extension under test for the extension-host layer (default: repo root)
#   NIANBAO_VSIX      packaged extension for the UI layer (default: <repo>/nianbao.vsix)
#   NIANBAO_SEEDS     seed reports dir (default: <repo>/../shared/reports/seeds)
#   CS_VER / CS_HOME  code-server version / install dir (default .e2e/code-server-4.99.4)
#   E2E_OUT           artifacts dir (default .e2e/out)
#   E2E_KEEP=1        keep the temp run dirs (they are deleted on success otherwise)

E2E_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E_DIR=$E2E_ROOT/.e2e
E2E_OUT=${E2E_OUT:-$E2E_DIR/out}
CS_VER=${CS_VER:-4.99.4}
CS_HOME=${CS_HOME:-$E2E_DIR/code-server-$CS_VER}
CS_BIN=$CS_HOME/node_modules/.bin/code-server
NIANBAO_EXT_ROOT=${NIANBAO_EXT_ROOT:-$E2E_ROOT}
NIANBAO_VSIX=${NIANBAO_VSIX:-$E2E_ROOT/nianbao.vsix}
NIANBAO_SEEDS=${NIANBAO_SEEDS:-$E2E_ROOT/../shared/reports/seeds}
# The workspace fixture is written by test/e2e/workspace.ts (see its header): seeds 000, 002
# and 004 verbatim, seed 001 with one broken 表三 total, a report without tables and a plain
# README.md. E2E_REPORT_NAME is the report the activation smoke test opens; E2E_DIAG_SEED/NAME
# is seed 004 ("5、 存在的主要问题…" heading, "[bookmark: …]" debris) for the nvim layer.
E2E_REPORT_NAME=${E2E_REPORT_NAME:-2021年度报告.md}
E2E_DIAG_SEED=${E2E_DIAG_SEED:-004_a59350496f5eca4a.txt}
E2E_DIAG_NAME=${E2E_DIAG_NAME:-2023年度报告.md}
export E2E_ROOT E2E_OUT CS_HOME NIANBAO_EXT_ROOT NIANBAO_VSIX NIANBAO_SEEDS E2E_REPORT_NAME E2E_DIAG_NAME

mkdir -p "$E2E_OUT"

log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cs_installed() { [ -f "$CS_HOME/.ok" ] && [ -x "$CS_BIN" ]; }

ensure_code_server() {
  cs_installed && return 0
  log "code-server $CS_VER not installed in $CS_HOME; installing (about 1.5 min)"
  timeout --kill-after=10 900 bash "$E2E_ROOT/test/e2e/install-code-server.sh" "$CS_HOME" "$CS_VER"
}

# Free TCP port on 127.0.0.1 (ask the kernel, release it; a tiny race is accepted
# and covered by one retry in cs_start_retry).
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})'
}

# new_run NAME: fresh run dir with user-data, extensions and XDG dirs. Sets RUN.
new_run() {
  local name=$1
  RUN=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-e2e-$name.XXXXXX")
  mkdir -p "$RUN/ud/User" "$RUN/ext" "$RUN/xdg" "$RUN/ws"
  # test/e2e/settings.json (also used by test/electron/run.mjs): quiet, offline, and nothing
  # saves a document: the tests restore what they change by reverting to the file on disk, and
  # code-server auto-saves after a delay by default, files.refactoring.autoSave after applyEdit.
  cp "$E2E_ROOT/test/e2e/settings.json" "$RUN/ud/User/settings.json"
  export RUN
}

# make_workspace DIR: the fixture workspace (and DIR/../expect) from test/e2e/workspace.ts.
make_workspace() {
  node --import tsx "$E2E_ROOT/test/e2e/workspace.ts" "$1" || { log "could not write the fixture workspace $1"; return 1; }
}

cs_env() {
  env XDG_CONFIG_HOME="$RUN/xdg" XDG_DATA_HOME="$RUN/xdg" XDG_CACHE_HOME="$RUN/xdg" XDG_STATE_HOME="$RUN/xdg" "$@"
}

# cs_install_ext VSIX: install into this run's extensions dir (before the server starts).
cs_install_ext() {
  local vsix=$1
  log "installing $(basename "$vsix") into fresh extensions dir"
  cs_env timeout --kill-after=5 120 "$CS_BIN" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/ext" \
    --install-extension "$vsix" --force >"$RUN/install-ext.log" 2>&1 || {
    log "install-extension FAILED"; tail -n 30 "$RUN/install-ext.log" >&2; return 1; }
  grep -E 'successfully installed|was successfully' "$RUN/install-ext.log" >&2 || true
}

# cs_start PORT: start code-server in its own process group. Sets CS_PID, BASE.
# The extension host inherits this environment (HARNESS_RESULT, HARNESS_FORCE_FAIL).
cs_start() {
  local port=$1
  printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" > "$RUN/config.yaml"
  # setsid directly under `&` (not via a function) so that $! is code-server itself,
  # leader of a new process group we can signal as a whole.
  setsid env HARNESS_RESULT="$RUN/result.json" \
    XDG_CONFIG_HOME="$RUN/xdg" XDG_DATA_HOME="$RUN/xdg" XDG_CACHE_HOME="$RUN/xdg" XDG_STATE_HOME="$RUN/xdg" \
    "$CS_BIN" --config "$RUN/config.yaml" \
    --bind-addr "127.0.0.1:$port" --auth none \
    --user-data-dir "$RUN/ud" --extensions-dir "$RUN/ext" --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override --disable-proxy --ignore-last-opened \
    >>"$RUN/server.log" 2>&1 </dev/null &
  CS_PID=$!
  BASE="http://127.0.0.1:$port"
  export BASE CS_PID
  local i
  for i in $(seq 1 300); do   # up to 60 s
    if curl -fsS -m 2 "$BASE/healthz" >/dev/null 2>&1; then
      log "code-server up on $BASE (pid $CS_PID) after $((i / 5)).$((i % 5 * 2))s"
      return 0
    fi
    kill -0 "$CS_PID" 2>/dev/null || { log "code-server exited during start"; return 1; }
    sleep 0.2
  done
  log "code-server did not answer /healthz within 60 s"
  return 1
}

cs_start_retry() {
  local attempt
  for attempt in 1 2; do
    cs_start "$(free_port)" && return 0
    cs_stop
    log "start attempt $attempt failed; server.log tail:"; tail -n 20 "$RUN/server.log" >&2
  done
  return 1
}

# cs_stop: SIGTERM the code-server process group we created (takes the extension
# hosts and language servers with it), SIGKILL it if still there after 10 s.
cs_stop() {
  [ -n "${CS_PID:-}" ] || return 0
  kill -TERM -- "-$CS_PID" 2>/dev/null || kill -TERM "$CS_PID" 2>/dev/null || true
  local i
  for i in $(seq 1 50); do
    kill -0 -- "-$CS_PID" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL -- "-$CS_PID" 2>/dev/null || true
  wait "$CS_PID" 2>/dev/null || true
  CS_PID=
}

# Print the tails of the server and extension-host logs of this run.
print_logs() {
  local f
  echo "----- server.log (tail) -----" >&2
  tail -n 40 "$RUN/server.log" >&2 2>/dev/null || true
  for f in "$RUN"/ud/logs/*/remoteagent.log "$RUN"/ud/logs/*/exthost*/remoteexthost.log \
           "$RUN"/ud/logs/*/exthost*/nianbao.nianbao/*.log "$RUN"/ud/logs/*/exthost*/output_logging_*/*Nianbao*.log; do
    [ -f "$f" ] || continue
    echo "----- ${f#"$RUN"/} (tail) -----" >&2
    tail -n 40 "$f" >&2
  done
}

collect_artifacts() {
  local dest=$1
  mkdir -p "$dest"
  cp "$RUN/server.log" "$dest/" 2>/dev/null || true
  cp "$RUN/result.json" "$dest/" 2>/dev/null || true
  cp "$RUN/install-ext.log" "$dest/" 2>/dev/null || true
  [ -d "$RUN/ud/logs" ] && cp -r "$RUN/ud/logs" "$dest/" 2>/dev/null || true
}

# with_code_server NAME TIMEOUT [--vsix FILE] -- CMD ARGS...
# Runs CMD (with RUN, BASE, WS exported) against a fresh code-server, kills it,
# collects logs to $E2E_OUT/NAME, prints the log tails when CMD fails.
with_code_server() {
  local name=$1 tmo=$2 vsix="" rc=0
  shift 2
  while [ $# -gt 0 ]; do
    case $1 in
      --vsix) vsix=$2; shift 2 ;;
      --) shift; break ;;
      *) break ;;
    esac
  done
  new_run "$name"
  E2E_NAME=$name
  WS="$RUN/ws"; export WS
  rm -rf "${E2E_OUT:?}/$name"; mkdir -p "$E2E_OUT/$name"
  make_workspace "$WS" || rc=1
  if [ $rc -eq 0 ] && [ -n "$vsix" ]; then cs_install_ext "$vsix" || rc=1; fi
  if [ $rc -eq 0 ]; then cs_start_retry || rc=1; fi
  if [ $rc -eq 0 ]; then
    timeout --kill-after=10 "$tmo" "$@" || rc=$?
    [ $rc -eq 124 ] && log "$name: TIMED OUT after ${tmo}s"
  fi
  cs_stop
  collect_artifacts "$E2E_OUT/$name"
  if [ $rc -ne 0 ]; then
    log "$name: FAILED (rc=$rc); run dir $RUN kept; logs in $E2E_OUT/$name"
    print_logs
  elif [ -z "${E2E_KEEP:-}" ]; then
    rm -rf "$RUN"
  fi
  return $rc
}

# Executed rather than sourced: run one helper, e.g.
#   bash test/e2e/lib.sh with_code_server exthost 360 -- node test/e2e/exthost.mjs
# (so that `timeout` can wrap it). A TERM from an outer timeout still stops the server.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  trap 'log "interrupted; stopping code-server"; cs_stop
        if [ -n "${E2E_NAME:-}" ]; then collect_artifacts "$E2E_OUT/$E2E_NAME"; print_logs; fi
        exit 143' TERM INT
  "$@"
fi
