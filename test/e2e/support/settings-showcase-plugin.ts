/**
 * @module
 * Test-only plugins for the plugins page: one whose config uses every shape the settings form
 * knows (number, boolean, enum, string, tags, a nested object, a record edited as JSON), and
 * one written for a host far in the future, so it boots failed.
 */
import { definePlugin, z } from '@rapport/plugin-sdk'

/** A plugin with no behaviour and a config schema that exercises the generated form. */
export const settingsShowcase = definePlugin({
  name: 'settings-showcase',
  namespace: 'showcase',
  version: '0.2.0',
  host: '^1',
  config: z.object({
    mode: z.enum(['percentile', 'thresholds']).default('percentile'),
    autoEnrol: z.boolean().default(true),
    currency: z.string().length(3).default('CNY').describe('ISO 4217 code'),
    channels: z.array(z.string()).default(['email']),
    caps: z.object({ perDay: z.number().int().positive().optional(), ratio: z.number().min(0).max(1).default(0.5) }).default({ ratio: 0.5 }),
    multipliers: z.record(z.string(), z.number().positive()).default({}),
  }),
})

/** Wants host ^99: it boots failed with PLUGIN_HOST_RANGE while the others serve. */
export const futurePlugin = definePlugin({ name: 'future-plugin', namespace: 'future', version: '0.1.0', host: '^99' })
