# Sourced by scripts/start.sh and .ci/run before anything else: makes sure a supported Node.js runs
# Rapport. Node 24 LTS is the baseline (the `engines` range in package.json: ^24.11 || >=26).
# A machine whose node is older (or missing, or the odd release 25) gets the pinned official
# build from the npm registry in .tools/node-<version>, first on PATH for everything that follows.
source "$(dirname "${BASH_SOURCE[0]}")/node-runtime.sh"
RAPPORT_NODE_VERSION=24.22.3

node_is_supported() {
  local v major minor
  v="$(node --version 2>/dev/null)" || return 1
  v="${v#v}"; major="${v%%.*}"; minor="${v#*.}"; minor="${minor%%.*}"
  { [ "$major" -eq 24 ] && [ "$minor" -ge 11 ]; } || [ "$major" -ge 26 ]
}

if ! node_is_supported; then
  echo "Node.js $(node --version 2>/dev/null || echo 'not found') is older than Rapport's baseline (24 LTS)"
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm is missing too: install Node.js 24 LTS (with npm) first" >&2
    exit 1
  fi
  rapport_node_dir="$(node_runtime_install "$RAPPORT_NODE_VERSION")" || exit 1
  node_runtime_use "$rapport_node_dir"
fi
echo "Using Node.js $(node --version) at $(command -v node)"
