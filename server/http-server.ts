import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import type { Hono } from 'hono'
import type { Deps } from './deps.ts'
import type { AppEnv } from './http/app-env.ts'
import { serveVisitorPage } from './http/visitor-fast-path.ts'

export interface RunningServer {
  server: Server
  port: number
  url: string
  close(): Promise<void>
}

/** Hooks that features attach to the running Node server (the sync endpoint handles upgrades). */
export interface ServerExtension {
  attach(server: Server): void
  close(): Promise<void>
}

/** Starts the HTTP server; port 0 picks a free port (tests). */
export async function startHttpServer(
  app: Hono<AppEnv>,
  deps: Deps,
  options: { port: number; host: string; extensions?: ServerExtension[] },
): Promise<RunningServer> {
  const listener = getRequestListener(app.fetch, { hostname: options.host })
  // A public page the app already built for visitors goes out at once; everything else to the app.
  const server = createServer((request, response) => {
    if (!serveVisitorPage(deps, request, response)) void listener(request, response)
  })
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve))
  // Old phones on flaky links keep connections open; don't let idle sockets pile up forever.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  for (const extension of options.extensions ?? []) extension.attach(server)
  const port = (server.address() as AddressInfo).port
  const host = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host
  return {
    server,
    port,
    url: `http://${host}:${port}`,
    close: async () => {
      for (const extension of options.extensions ?? []) await extension.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      deps.log.info('server stopped', { port })
    },
  }
}
