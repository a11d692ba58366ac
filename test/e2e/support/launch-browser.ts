/**
 * @module
 * Headless Debian chromium through playwright-core (Playwright's own browser download does not
 * work here). Set CHROMIUM_PATH to use another binary.
 */
import { chromium, type Browser } from 'playwright-core'

/** Launches headless chromium with the flags this machine needs. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
