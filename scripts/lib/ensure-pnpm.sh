# Sourced by scripts/start.sh and .ci/run after ensure-node.sh: puts pnpm 12.21.0 on PATH and lets a
# native module (better-sqlite3 where no prebuilt binary fits) compile against the headers of the
# node on PATH (node-gyp would otherwise try to download them).
PNPM_VERSION=12.21.0
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm -v 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "Installing pnpm $PNPM_VERSION"
  if ! npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1; then
    # No permission for a global install: keep pnpm inside the checkout instead.
    npm install --prefix .tools "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$PWD/.tools/node_modules/.bin:$PATH"
  fi
fi
# pnpm 12 ignores `nodedir` in .npmrc: it has to be this environment variable.
export npm_config_nodedir="$(node -p 'require("path").resolve(process.execPath, "..", "..")')"
export TURBO_TELEMETRY_DISABLED=1
