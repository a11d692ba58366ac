#!/usr/bin/env bash
# Runs a command on a supported Node.js: the machine's when it is Node 24 LTS or newer, else
# Rapport's own in .tools (installed on first use). The root package.json's scripts go through it,
# so `pnpm start`, `pnpm test` and the rest work the same on a machine that has only Node 20.
set -euo pipefail
source "$(dirname "$0")/lib/ensure-node.sh"
export TURBO_TELEMETRY_DISABLED=1
exec "$@"
