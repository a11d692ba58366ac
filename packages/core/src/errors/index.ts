export * from './rapport-error.js'
export * from './core-errors.js'
export * from './to-rapport-error.js'
