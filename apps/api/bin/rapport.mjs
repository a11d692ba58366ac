#!/usr/bin/env node
// Loads the TypeScript CLI in this process through tsx's loader (no build step, no child
// process, so signals such as SIGTERM reach the server directly).
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
