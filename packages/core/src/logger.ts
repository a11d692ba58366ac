import pino, { type Logger } from 'pino'

/** Fields that may carry personal data or secrets: pino replaces them wherever they appear. */
const REDACT = ['email', 'phone', 'name', 'password', 'birthday', 'token', 'cookie', 'authorization', '*.email', '*.phone', '*.name', '*.password', '*.birthday', '*.token', 'req.headers.cookie', 'req.headers.authorization']

/**
 * The structured logger: JSON lines, personal fields redacted. Request logs carry method, route,
 * status, duration and request id, never bodies or query strings.
 * @example const log = createLogger({ level: 'info' }); log.info({ requestId }, 'started')
 */
export function createLogger({ level = 'info', destination }: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino({ level, base: { service: 'rapport' }, redact: { paths: REDACT, censor: '[redacted]' } }, destination)
}
export type { Logger }
