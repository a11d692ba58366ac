/** A Content-Security-Policy header as directive → sources, e.g. `{ 'script-src': ["'self'"] }`; `{}` when absent. */
export const directivesOf = (header: string | null): Record<string, string[]> =>
  Object.fromEntries((header ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter(([name]) => name).map(([name, ...sources]) => [name!, sources]))
