#!/usr/bin/env bash
# First command of the README: installs what Rapport needs (pnpm, the dependencies, the admin
# build) and starts it on its embedded SQLite database with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-pnpm.sh
pnpm install --frozen-lockfile
pnpm build
exec pnpm start
