/**
 * Fires `tick(k)` for each client every `intervalMs`, starting at a random offset within the
 * first interval so that writers do not send in lockstep. Times are absolute (no drift); a tick
 * that is late because the loop was busy fires at once rather than being skipped.
 */
export function scheduleClients(
  clients: number,
  intervalMs: number,
  durationMs: number,
  random: () => number,
  tick: (client: number, k: number) => void,
): Promise<void> {
  const start = performance.now()
  const end = start + durationMs
  let running = clients
  return new Promise((resolve) => {
    if (clients === 0) return resolve()
    for (let c = 0; c < clients; c++) {
      const offset = random() * intervalMs
      let k = 0
      const step = () => {
        if (performance.now() >= end) {
          if (--running === 0) resolve()
          return
        }
        tick(c, k++)
        const next = start + offset + k * intervalMs
        setTimeout(step, Math.max(0, next - performance.now()))
      }
      setTimeout(step, offset)
    }
  })
}

/** Runs `fn` over items with at most `limit` in flight (connection setup without a thundering herd). */
export async function inBatches<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++
      await fn(items[i]!, i)
    }
  })
  await Promise.all(workers)
}
