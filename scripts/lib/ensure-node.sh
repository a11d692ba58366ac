# Sourced by scripts/start.sh, .ci/run and scripts/with-node.sh before anything else: makes sure a
# supported Node.js runs Rapport. Node 24 LTS is the baseline (package.json's `engines`:
# ^24.11 || >=26). When the machine's node is older (or missing, or the odd release 25, already
# out of support), the pinned official build from the npm registry is unpacked once into
# .tools/node-<version> and put first on PATH for everything that follows.
source "$(dirname "${BASH_SOURCE[0]}")/node-runtime.sh"
RAPPORT_NODE_VERSION=24.22.3

node_is_supported() {
  local v major minor
  v="$(node --version 2>/dev/null)" || return 1
  v="${v#v}"; major="${v%%.*}"; minor="${v#*.}"; minor="${minor%%.*}"
  { [ "$major" -eq 24 ] && [ "$minor" -ge 11 ]; } || [ "$major" -ge 26 ]
}

if ! node_is_supported; then
  if [ ! -x "$RAPPORT_ROOT/.tools/node-$RAPPORT_NODE_VERSION/bin/node" ]; then
    echo "Node.js $(node --version 2>/dev/null || echo 'is missing and') is older than Rapport's baseline, Node.js 24 LTS" >&2
    if ! command -v npm >/dev/null 2>&1; then
      echo "npm is missing too: install Node.js 24 LTS (with npm) first" >&2
      exit 1
    fi
  fi
  rapport_node_dir="$(node_runtime_install "$RAPPORT_NODE_VERSION")" || exit 1
  node_runtime_use "$rapport_node_dir"
fi
