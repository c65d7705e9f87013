/** A minimal structured logger: one line per event, so `journalctl`/docker logs stay greppable. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

function line(level: string, message: string, fields?: Record<string, unknown>): string {
  const extra = fields && Object.keys(fields).length ? ' ' + JSON.stringify(fields, errorReplacer) : ''
  return `${new Date().toISOString()} ${level} ${message}${extra}`
}

function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value
}

export const consoleLogger: Logger = {
  info: (m, f) => console.log(line('info', m, f)),
  warn: (m, f) => console.warn(line('warn', m, f)),
  error: (m, f) => console.error(line('error', m, f)),
}

/** For tests: keeps the lines so a test can assert that something was logged. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (m, f) => void lines.push(line('info', m, f)),
    warn: (m, f) => void lines.push(line('warn', m, f)),
    error: (m, f) => void lines.push(line('error', m, f)),
  }
}
