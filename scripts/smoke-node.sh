#!/usr/bin/env bash
# A smoke run on another Node.js release (CI runs it on the next LTS, 26, after the whole suite on
# the baseline): `bash scripts/smoke-node.sh 26.12.1`. Installs that release into .tools like
# ensure-node.sh does, puts it first on PATH and runs scripts/smoke.mjs on it. better-sqlite3 13
# loads a Node-API binary, which serves every Node release: node_modules stay as installed.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: scripts/smoke-node.sh VERSION}"
source scripts/lib/node-runtime.sh
smoke_node_dir="$(node_runtime_install "$version")"
node_runtime_use "$smoke_node_dir"
exec node scripts/smoke.mjs
