// Browser tests drive Debian's Chromium through playwright-core (Playwright's own browser
// download does not work offline). Install it when missing and we are allowed to.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (existsSync(path)) return
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing at ${path}: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`)
    return
  }
  console.log('Installing Debian chromium (and CJK fonts, so zh-CN screenshots are legible) for the browser tests')
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null', { stdio: 'inherit' })
}
