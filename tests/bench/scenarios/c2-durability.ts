import * as Y from 'yjs'
import { failed, type ResultRow } from '../lib/results.ts'
import { sleep, waitFor } from '../lib/stats.ts'
import { baseDocument, EDIT_LENGTH, FRAGMENT } from '../load/edits.ts'
import { Observer } from '../load/observer.ts'
import { SyncServer, type ServerKind } from '../servers/sync-servers.ts'
import type { RunContext } from './context.ts'

export const DURABILITY_EDITS = 50

/**
 * Scenario c2: a writer types 50 edits; the moment another client has received the last one,
 * the server gets SIGKILL (from inside that client's transaction handler, so nothing else runs
 * in between on our side). After a restart on the same data, a fresh client counts how many
 * of the 50 are there. Repeated `rounds` times on the same document.
 */
export async function runDurability(kind: ServerKind, ctx: RunContext, rounds: number): Promise<ResultRow> {
  const kase = `${DURABILITY_EDITS} edits, SIGKILL`
  let server: SyncServer | null = null
  const open: Observer[] = []
  try {
    server = await SyncServer.start(kind, { documents: 1, people: 4, ...(kind === 'ours' ? { nodeArgs: ctx.ourNodeArgs } : {}) })
    const s = server
    const docName = s.docNames[0]!
    const survived: number[] = []
    const killDelays: number[] = []
    for (let r = 0; r < rounds; r++) {
      const writerId = 50_000 + r
      const writer = new Observer(s.observerEndpoint(docName, 0), writerId, null)
      const receiver = new Observer(s.observerEndpoint(docName, 1), 60_000 + r, null)
      open.push(writer, receiver)
      // Each round's writer brings a paragraph of its own to type into.
      Y.applyUpdate(writer.doc, baseDocument(1, 70_000 + r))
      await writer.connect()
      await receiver.connect()
      const mine = (doc: Y.Doc) => doc.getXmlFragment(FRAGMENT).toArray().findIndex((p) => (p as Y.XmlElement)._item?.id.client === 70_000 + r)
      const paragraph = mine(writer.doc)
      if (!(await waitFor(() => mine(receiver.doc) === paragraph, 10_000))) throw new Error('receiver did not get the paragraph')
      let lastSentAt = 0
      let killedAt = 0
      const lastClock = DURABILITY_EDITS * EDIT_LENGTH
      receiver.doc.on('afterTransaction', () => {
        if (killedAt === 0 && (receiver.stateVector().get(writerId) ?? 0) >= lastClock) {
          process.kill(s.pid, 'SIGKILL')
          killedAt = performance.now()
        }
      })
      for (let i = 0; i < DURABILITY_EDITS; i++) {
        writer.edit(paragraph)
        lastSentAt = performance.now()
        await sleep(10)
      }
      if (!(await waitFor(() => killedAt > 0, 10_000))) throw new Error('the receiver never got the last edit')
      killDelays.push(killedAt - lastSentAt)
      await Promise.all([writer.close(), receiver.close()])
      open.length = 0
      await s.restart()
      const fresh = new Observer(s.observerEndpoint(docName, 2), 80_000 + r, null)
      open.push(fresh)
      await fresh.connect()
      survived.push(Math.floor((fresh.stateVector().get(writerId) ?? 0) / EDIT_LENGTH))
      await fresh.close()
      open.length = 0
    }
    const min = Math.min(...survived)
    return {
      scenario: 'c2',
      case: kase,
      server: s.label,
      status: 'ok',
      metrics: {
        edits: DURABILITY_EDITS,
        rounds,
        survivedMin: min,
        survived: survived.join(' '),
        killAfterLastSendMs: Math.max(...killDelays),
      },
    }
  } catch (error) {
    return failed('c2', kase, server?.label ?? kind, error)
  } finally {
    await Promise.all(open.map((x) => x.close()))
    await server?.stop()
  }
}
