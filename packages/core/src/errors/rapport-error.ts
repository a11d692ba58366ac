/**
 * @module
 * The one error type that crosses Rapport's HTTP boundary: every error has a code, an HTTP
 * status and typed details, and is created from a registry (see {@link defineErrors}).
 */

/** HTTP statuses a {@link RapportError} may carry. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503

/** An error with a stable code, a status and details that are the message's parameters. */
export class RapportError<D = unknown> extends Error {
  override readonly name = 'RapportError'
  /** Set by the host when the error was thrown inside a plugin. */
  plugin?: string

  constructor(
    readonly code: string,
    readonly status: ErrorStatus,
    message: string,
    readonly details?: D,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** What a registry knows of each code without details: for docs and whole-registry tests. */
export type RegistryEntry = { code: string; status: ErrorStatus; template: string }

/** The message with `{name}` where each detail goes (best effort: computed messages show as "…"). */
function templateOf(message: (details: any) => string): string {
  const slot = (path: string): unknown =>
    new Proxy(() => {}, {
      get: (_, key) => (key === Symbol.toPrimitive ? () => `{${path}}` : slot(path ? `${path}.${String(key)}` : String(key))),
    })
  try {
    return message(slot(''))
  } catch {
    return '…'
  }
}

/** The shape of one entry of an error registry. */
export type ErrorSpec<D> = { status: ErrorStatus; message: (details: D) => string }

type Factories<S> = {
  [K in keyof S]: S[K] extends ErrorSpec<infer D>
    ? (unknown extends D ? (details?: D, cause?: unknown) => RapportError<D> : (details: D, cause?: unknown) => RapportError<D>) & RegistryEntry
    : never
}

/**
 * Declares an error registry for one area: each key becomes `<PREFIX>_<KEY>`.
 * @example
 * export const pointsErrors = defineErrors('POINTS', {
 *   INSUFFICIENT_BALANCE: { status: 409, message: (d: { balance: number }) => `Balance ${d.balance} is too low` },
 * })
 * throw pointsErrors.INSUFFICIENT_BALANCE({ balance: 3 })
 */
export function defineErrors<S extends Record<string, ErrorSpec<any>>>(prefix: string, specs: S): Factories<S> {
  const out: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(specs)) {
    const code = prefix ? `${prefix}_${key}` : key
    const make = (details: unknown, cause?: unknown) =>
      new RapportError(code, spec.status, spec.message(details), details, cause === undefined ? undefined : { cause })
    out[key] = Object.assign(make, { code, status: spec.status, template: templateOf(spec.message) })
  }
  return out as Factories<S>
}

/** Every registry, so a test can check codes as a whole. Filled by {@link registerErrors}. */
export const errorRegistries: Array<{ area: string; codes: RegistryEntry[] }> = []

/** Records a registry for the whole-registry tests. @example registerErrors('AUTH', authErrors) */
export function registerErrors(area: string, registry: Record<string, RegistryEntry>): void {
  errorRegistries.push({ area, codes: Object.values(registry).map(({ code, status, template }) => ({ code, status, template })) })
}
