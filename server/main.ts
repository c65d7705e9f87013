import { configFromEnv } from './config.ts'
import { startSprachrohr } from './start.ts'

const server = await startSprachrohr(configFromEnv())

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.stop().finally(() => process.exit(0))
  })
}
