// How many test files a whole run (`pnpm test`, the smoke run) works on at once. Vitest's own
// default is one fewer than the cores, so on CI's 2 cores every file ran alone: 159 files one after
// another while the other core idled. A `maxWorkers` in the root config does not reach the
// projects; the CLI flag does. Projects with `fileParallelism: false` (the browser suites in test/)
// still run one file at a time, after the rest. Capped at 4: every PostgreSQL test app holds a pool
// of up to 10 connections on the run's one server, and each PGlite takes a few hundred MB.
// Vitest's own VITEST_MAX_WORKERS still wins (`VITEST_MAX_WORKERS=1 pnpm test`: one file at a time).
import { availableParallelism } from 'node:os'

/** The `--maxWorkers=N` flag for a whole run. @example spawnSync('pnpm', ['exec', 'vitest', 'run', workerFlag()]) */
export function workerFlag() {
  return `--maxWorkers=${Math.max(1, Math.min(4, availableParallelism()))}`
}
