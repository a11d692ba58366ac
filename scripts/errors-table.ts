// Prints the README's "Errors" table from the registries (run: pnpm exec tsx scripts/errors-table.ts).
// test/errors.test.ts in packages/core fails when the README and the registries disagree.
import { errorRegistries } from '../packages/core/src/index.ts'

console.log('| code | status | message |\n| --- | --- | --- |')
for (const { codes } of errorRegistries) {
  for (const { code, status, template } of codes) console.log(`| \`${code}\` | ${status} | ${template.replace(/\|/g, '\\|')} |`)
}
