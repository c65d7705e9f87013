#!/usr/bin/env node
// Runs the end-to-end tests when a Chromium is there to drive. `npm test` calls this last.
// Outside CI a missing browser skips the e2e tests with a plain message (a contributor without
// Chromium can still run everything else); under CI it fails the run, so a broken image cannot
// pass silently.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { findChromium } from './support/find-chromium.mjs'

const chromium = findChromium()
const underCi = /^(1|true|yes)$/i.test(process.env.CI ?? '')

if (!chromium) {
  const where = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : '/usr/bin/chromium'
  if (underCi) {
    console.error(
      `FEHLER: Ende-zu-Ende-Tests können nicht laufen: Chromium nicht gefunden (${where}).\n` +
        'Unter CI ist das ein Fehler. Installiere es mit: apt-get install -y chromium',
    )
    process.exit(1)
  }
  console.log(
    `Ende-zu-Ende-Tests übersprungen: Chromium nicht gefunden (${where}). ` +
      'Installiere es mit `apt-get install chromium` oder setze CHROMIUM_PATH, dann laufen sie mit `npm test` mit.\n' +
      `End-to-end tests skipped: Chromium not found (${where}).`,
  )
  process.exit(0)
}

// The deployment test puts Debian's nginx in front of the app; the same rule as for Chromium.
const nginx = process.env.NGINX_PATH ?? '/usr/sbin/nginx'
const exclude = []
if (!existsSync(nginx)) {
  if (underCi) {
    console.error(`FEHLER: nginx nicht gefunden (${nginx}); der Deployment-Test braucht es. Installiere es mit: apt-get install -y nginx`)
    process.exit(1)
  }
  console.log(
    `Deployment-Test übersprungen: nginx nicht gefunden (${nginx}). Installiere es mit \`apt-get install nginx\`.\n` +
      `Deployment test skipped: nginx not found (${nginx}).`,
  )
  exclude.push('--exclude', 'tests/e2e/deployment.e2e.test.ts')
}

console.log(`Ende-zu-Ende-Tests mit ${chromium}`)
// Extra arguments narrow the run, e.g. `npm run test:e2e -- foundation`.
const child = spawn('npx', ['vitest', 'run', '--project', 'e2e', ...exclude, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
