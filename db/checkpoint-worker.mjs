// Runs in a worker thread (see checkpointer.ts), which starts from a file: plain JavaScript, so
// that the same file serves the unit tests (from db/) and the build (copied into server/dist/). Copies the WAL into the database file every `intervalMs` on its
// own connection, so the fsyncs of a checkpoint never stall the server's event loop.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const { file, intervalMs } = workerData
const db = new Database(file)
db.pragma('busy_timeout = 5000')
const checkpoint = db.prepare('pragma wal_checkpoint(PASSIVE)')
// From here on the server's connection leaves checkpoints to us.
parentPort?.postMessage({ type: 'ready' })

const timer = setInterval(() => {
  try {
    const [row] = checkpoint.all()
    parentPort?.postMessage({ type: 'checkpoint', ...row })
  } catch (error) {
    parentPort?.postMessage({ type: 'error', message: String(error) })
  }
}, intervalMs)

parentPort?.on('message', (message) => {
  if (message !== 'stop') return
  clearInterval(timer)
  try {
    checkpoint.all()
  } finally {
    db.close()
    parentPort?.close()
  }
})
