#!/usr/bin/env bash
# First command of the README: installs what Rapport needs (a supported Node.js when the machine's
# is older, pnpm, the dependencies, the admin build) and starts it on its embedded SQLite database
# with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-node.sh
echo "Using Node.js $(node --version) ($(command -v node))"
source scripts/lib/ensure-pnpm.sh
pnpm install --frozen-lockfile
pnpm build
exec pnpm start
