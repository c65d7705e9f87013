import { afterAll, expect, it } from 'vitest'
import { startServer, type E2eServer } from '../../e2e/support/server.ts'

// The built server (what `npm start` runs) finds web/ from its bundle's place: a module that
// derives the path from import.meta.url must not end up in a chunk shared with the CLI, one
// folder deeper (this broke once the app context, which the CLI bundles too, held the files).
let server: E2eServer | undefined
afterAll(async () => {
  await server?.stop()
})

it('the built server serves the stylesheet and the editor bundle with their types', { timeout: 60_000 }, async () => {
  server = await startServer()
  for (const [name, type] of [
    ['app.css', 'text/css; charset=utf-8'],
    ['editor.js', 'text/javascript; charset=utf-8'],
    // Tigrinya names and texts need it where the device has no Ethiopic font (empty boxes otherwise).
    ['noto-sans-ethiopic-ethiopic-400-normal.woff2', 'font/woff2'],
    ['noto-sans-ethiopic-ethiopic-700-normal.woff2', 'font/woff2'],
  ]) {
    const res = await fetch(`${server.url}/assets/${name}`)
    expect(res.status, name).toBe(200)
    expect(res.headers.get('content-type')).toBe(type)
  }
})

it('the stylesheet loads the Ethiopic web font for Ethiopic letters only', { timeout: 60_000 }, async () => {
  server ??= await startServer()
  const css = await (await fetch(`${server.url}/assets/app.css`)).text()
  for (const weight of [400, 700]) expect(css).toContain(`url(/assets/noto-sans-ethiopic-ethiopic-${weight}-normal.woff2)`)
  expect(css).toContain('unicode-range: U+030E,U+1200-1399')
  // First in the stack: behind system-ui Chromium never reached it (tests/e2e/ethiopic-font.e2e.test.ts).
  expect(css).toMatch(/font-family: "Noto Sans Ethiopic", system-ui/)
})
