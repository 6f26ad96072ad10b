#!/usr/bin/env bash
# Install code-server (default 4.99.4 = VS Code 1.99.3) from npm, fully offline
# (only the npm registry reachable). Idempotent: a finished install leaves DEST/.ok.
#
#   test/e2e/install-code-server.sh DEST [VER]
#
# Why the steps are manual: code-server's own postinstall runs `npm install` in
# lib/vscode, whose @vscode/ripgrep postinstall downloads rg from api.github.com and
# fails offline. So we install with --ignore-scripts and redo the postinstall by hand,
# using the system ripgrep. See /work/shared/guides/real-editor-testing.md section 1.
set -euo pipefail

DEST=${1:?usage: install-code-server.sh DEST [VER]}
VER=${2:-4.99.4}

mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
STAMP="$DEST/.ok"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$VER" ] && [ -x "$DEST/node_modules/.bin/code-server" ]; then
  echo "[install-code-server] code-server $VER already installed in $DEST"
  exit 0
fi
rm -f "$STAMP"

command -v rg >/dev/null || { echo "[install-code-server] ripgrep (rg) is required: apt-get install ripgrep" >&2; exit 1; }

# code-server writes ~/.config/code-server and ~/.local/share/code-server on every
# invocation; keep anything we trigger out of the real home.
export XDG_CONFIG_HOME="$DEST/.xdg" XDG_DATA_HOME="$DEST/.xdg" XDG_CACHE_HOME="$DEST/.xdg"
# ~/.npmrc on these machines has yes=false: npx inside node-pty's install would be cancelled.
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

t0=$SECONDS
step() { echo "[install-code-server] +$((SECONDS - t0))s $*"; }

cd "$DEST"
[ -f package.json ] || echo '{"private":true}' > package.json

step "npm install code-server@$VER --ignore-scripts"
npm install --ignore-scripts --no-audit --no-fund "code-server@$VER"

step "rebuild argon2 (required at startup even with --auth none)"
npm rebuild argon2 --build-from-source

cd node_modules/code-server/lib/vscode
step "lib/vscode: npm install --omit=dev --ignore-scripts"
npm install --omit=dev --ignore-scripts --no-audit --no-fund

step "ripgrep: symlink system rg"
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg

step "lib/vscode: npm rebuild (node-pty, spdlog, kerberos, native-watchdog, deviceid)"
env npm_config_yes=true npm rebuild

ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)

step "lib/vscode/extensions: npm install --omit=dev"
(cd extensions && npm install --omit=dev --no-audit --no-fund)

step "smoke: code-server --version"
"$DEST/node_modules/.bin/code-server" --version

echo "$VER" > "$STAMP"
step "done ($(du -sh "$DEST" | cut -f1))"
