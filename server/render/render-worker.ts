// The render worker's entry: runs one task at a time as the pool sends them and answers with the
// result or the refusal. The build bundles it into server/dist/render-worker.js; from the sources
// (tests, `npm run dev`) the pool starts it through tsx (see render-pool.ts).
import { parentPort } from 'node:worker_threads'
import { runRenderTask, sendableError, type RenderTask } from './render-tasks.tsx'

const port = parentPort
if (port) {
  port.on('message', (message: { id: number; task: RenderTask }) => {
    runRenderTask(message.task).then(
      (result) => {
        // A PDF's bytes are handed over, not copied.
        const transfer = result instanceof Uint8Array ? [result.buffer as ArrayBuffer] : []
        port.postMessage({ id: message.id, ok: true, result }, transfer)
      },
      (error: unknown) => port.postMessage({ id: message.id, ok: false, error: sendableError(error) }),
    )
  })
}
