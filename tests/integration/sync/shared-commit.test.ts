import * as decoding from 'lib0/decoding'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadActor } from '../../../server/people/load-actor.ts'
import * as personRepo from '../../../server/people/person.repo.ts'
import { getBallot } from '../../../server/rounds/ballot.repo.ts'
import { castBallot } from '../../../server/rounds/cast-ballot.ts'
import { countUpdates } from '../../../server/sync/doc.repo.ts'
import { SyncCore } from '../../../server/sync/sync-core.ts'
import { MESSAGE_AUTH, readAuthMessage } from '../../../shared/sync/protocol.ts'
import { addToGroup, buildPerson, buildPosition } from '../../support/factories.ts'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp } from '../../support/test-app.ts'
import { appendParagraph, updateFrame } from '../../support/yjs-client.ts'

// Ballots and editor updates go through one per-turn commit (deps.turnCommit): a turn with both
// pays one commit, and neither is answered before it.
const t = await testApp()
afterAll(() => t.close())

const actorOf = (personId: string) => loadActor(t.db, personRepo.getPerson(t.db, personId)!)

describe('one commit per turn for ballots and editor updates', () => {
  it('stores a ballot and an editor update of the same turn in one commit, and answers both after it', async () => {
    const round = buildRoundWorld(t)
    const roundId = await openRoundVia(t, round)
    const voter = round.delegates[0]!

    const editorPosition = buildPosition(t.db)
    const editor = buildPerson(t.db)
    addToGroup(t.db, editorPosition.groupId, editor.id)
    const core = new SyncCore(t.deps)
    // What was stored at the moment the editor's save acknowledgement left.
    const acks: Array<{ updates: number; ballot: string | undefined }> = []
    const conn = core.open(editorPosition.id, { id: editor.id, name: 'Anna', actor: actorOf(editor.id) }, {
      send: (message) => {
        const decoder = decoding.createDecoder(message)
        if (decoding.readVarUint(decoder) === MESSAGE_AUTH && readAuthMessage(decoder)?.type === 'saved') acks.push({ updates: countUpdates(t.db, editorPosition.id), ballot: getBallot(t.db, roundId, voter.initiativeId)?.choice })
      },
      close: () => {},
    })
    const local = new Y.Doc()
    const frames: Uint8Array[] = []
    local.on('update', (update: Uint8Array) => frames.push(updateFrame(update)))
    appendParagraph(local, 'Ein Satz.')

    const commitsBefore = t.deps.turnCommit.commits
    // The same event-loop turn: an editor's keystroke and a delegate's ballot.
    core.receive(conn, frames[0]!)
    const cast = castBallot(t.deps, actorOf(voter.personId), roundId, { choice: 'consent' })
    expect(acks).toEqual([])
    const result = await cast

    expect(t.deps.turnCommit.commits).toBe(commitsBefore + 1)
    expect(result.choice).toBe('consent')
    expect(getBallot(t.db, roundId, voter.initiativeId)?.choice).toBe('consent')
    await new Promise((resolve) => setImmediate(resolve))
    // The editor's acknowledgement left after that one commit: the update and the ballot were both stored.
    expect(acks).toEqual([{ updates: 1, ballot: 'consent' }])
    expect(core.stats().commits).toBe(1)
    core.shutdown()
  })
})
