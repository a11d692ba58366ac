/**
 * Summarises V8 CPU profiles (`node --cpu-prof`, e.g. from `BENCH_PROFILE=<folder>` of
 * product.bench.ts) as markdown: where the busy time goes by package or plugin, then the top
 * functions by self time and by inclusive time (a function counted once per sample however deep
 * it recurses). Several files are merged (one per server process).
 * `--from`/`--to` keep the samples taken that many seconds after the profile began (e.g. only the
 * measured load, not the start).
 * Run: `tsx bench/profile-summary.ts [--top 40] [--title T] [--from S] [--to S] file.cpuprofile… > summary.md`
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

type Frame = { functionName: string; url: string; lineNumber: number; columnNumber: number }
type ProfileNode = { id: number; callFrame: Frame; children?: number[] }
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number }

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '40' }, title: { type: 'string', default: 'CPU profile' }, from: { type: 'string', default: '0' }, to: { type: 'string', default: 'Infinity' } } })
const fromUs = Number(values.from) * 1e6
const toUs = Number(values.to) * 1e6
const top = Number(values.top)

/** The package or plugin a script belongs to, from its URL. */
function groupOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)'
  if (url.startsWith('node:')) return 'node'
  const dep = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(url)
  if (dep) return dep[1]!
  const plugin = /\/plugins\/([^/]+)\//.exec(url)
  if (plugin) return `plugin ${plugin[1]}`
  const pkg = /\/packages\/([^/]+)\/src\/([^/]+)/.exec(url)
  if (pkg) return `@rapport/${pkg[1]} ${pkg[2]!.replace(/\.ts$/, '')}`
  const app = /\/apps\/([^/]+)\//.exec(url)
  if (app) return `apps/${app[1]}`
  return 'other'
}

const short = (url: string) => url.replace(/^file:\/\/.*?\/(apps|packages|plugins|test)\//, '$1/').replace(/^file:\/\/.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
const self = new Map<string, number>()
const inclusive = new Map<string, number>()
const groupSelf = new Map<string, number>()
const groupInclusive = new Map<string, number>()
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v)
/** For each function, where its self time came from: the nearest Rapport function above it. */
const callers = new Map<string, Map<string, number>>()
let total = 0
let idle = 0

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const keyOf = new Map<number, { key: string; group: string; own: boolean }>()
  for (const n of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = n.callFrame
    const name = functionName || '(anonymous)'
    // tsx's output keeps most code on few lines: the column tells functions apart.
    keyOf.set(n.id, { key: url ? `${name}  ${short(url)}:${lineNumber + 1}:${columnNumber + 1}` : name, group: groupOf(url, name), own: /\/(packages|plugins|apps)\//.test(url) && !url.includes('node_modules') })
  }
  let at = 0
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0
    if (at < fromUs || at > toUs) return
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000
    const own = keyOf.get(id)!
    if (own.key === '(idle)') { idle += dt; return }
    total += dt
    add(self, own.key, dt)
    add(groupSelf, own.group, dt)
    let caller = parent.get(id)
    while (caller !== undefined && (!keyOf.get(caller)!.own || keyOf.get(caller)!.key === own.key)) caller = parent.get(caller)
    if (!callers.has(own.key)) callers.set(own.key, new Map())
    add(callers.get(own.key)!, caller === undefined ? '(none)' : keyOf.get(caller)!.key, dt)
    const seen = new Set<string>()
    const groups = new Set<string>()
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const k = keyOf.get(node)!
      if (!byId.get(node)!.callFrame.functionName && !byId.get(node)!.callFrame.url) continue
      if (!seen.has(k.key)) { seen.add(k.key); add(inclusive, k.key, dt) }
      groups.add(k.group)
    }
    for (const g of groups) add(groupInclusive, g, dt)
  })
}

const pct = (v: number) => `${((100 * v) / total).toFixed(1)}%`
const table = (m: Map<string, number>, head: string, n: number) => [
  `| ${head} | ms | share of busy time |`, '|---|---:|---:|',
  ...[...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `| \`${k}\` | ${v.toFixed(0)} | ${pct(v)} |`),
].join('\n')

console.log(`# ${values.title}\n`)
console.log(`${positionals.length} profile(s)${fromUs > 0 || toUs < Infinity ? `, samples from ${values.from} s to ${values.to} s after each profile began` : ''}; busy ${(total / 1000).toFixed(1)} s, idle ${(idle / 1000).toFixed(1)} s (${((100 * total) / (total + idle)).toFixed(0)}% busy). Shares are of busy time (idle left out).\n`)
console.log(`## By package or plugin, self time\n\n${table(groupSelf, 'group', 30)}\n`)
console.log(`## By package or plugin, inclusive (a sample counts for every group on its stack)\n\n${table(groupInclusive, 'group', 30)}\n`)
console.log(`## Top ${top} functions by self time\n\n${table(self, 'function  file:line:column', top)}\n`)
console.log(`## Top ${top} functions by inclusive time\n\n${table(inclusive, 'function  file:line:column', top)}\n`)
console.log('## Who calls the top 15 by self time (nearest Rapport function on the stack)\n')
for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  const from = [...(callers.get(key) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 5)
  console.log(`- \`${key}\` (${pct(ms)}): ${from.map(([k, v]) => `\`${k}\` ${pct(v)}`).join(', ')}`)
}
console.log('')
