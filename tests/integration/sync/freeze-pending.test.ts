import * as encoding from 'lib0/encoding'
import { afterAll, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { loadActor } from '../../../server/people/load-actor.ts'
import * as personRepo from '../../../server/people/person.repo.ts'
import { openRound } from '../../../server/rounds/open-round.ts'
import { SyncCore } from '../../../server/sync/sync-core.ts'
import { DRAFT_FRAGMENT } from '../../../server/sync/load-doc.ts'
import { freezeVersion } from '../../../server/versions/freeze-version.ts'
import { addToGroup, addToInitiative, buildInitiative, buildPerson, buildPosition } from '../../support/factories.ts'
import { testApp } from '../../support/test-app.ts'

const t = await testApp()
afterAll(() => t.close())

function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment(DRAFT_FRAGMENT).insert(0, [p])
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // y-websocket: sync message
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc))
  return encoding.toUint8Array(encoder)
}

function world() {
  const coordinator = buildPerson(t.db)
  const position = buildPosition(t.db, { createdBy: coordinator.id })
  addToGroup(t.db, position.groupId, coordinator.id, true)
  const initiative = buildInitiative(t.db)
  addToInitiative(t.db, initiative.id, coordinator.id, 'delegate')
  const actor = loadActor(t.db, personRepo.getPerson(t.db, coordinator.id)!)
  const core = new SyncCore(t.deps)
  const conn = core.open(position.id, { id: coordinator.id, name: 'K', actor }, { send: () => {}, close: () => {} })
  return { actor, position, core, conn }
}

describe('an edit that arrives in the same event-loop turn as the freeze', () => {
  it('is part of a version frozen by hand', async () => {
    const { actor, position, core, conn } = world()
    core.receive(conn, paragraphUpdate('Letzter Satz vor dem Einfrieren'))
    const version = await freezeVersion(t.deps, actor, position.id)
    expect(version.content).toContain('Letzter Satz vor dem Einfrieren')
    core.shutdown()
  })

  it('is part of the version a new round decides on', async () => {
    const { actor, position, core, conn } = world()
    core.receive(conn, paragraphUpdate('Noch schnell ergänzt'))
    const round = await openRound(t.deps, actor, position.id, {
      kind: 'consent',
      electorate: 'initiatives',
      quorum: 0.5,
      visibility: 'open',
      closesAt: t.clock.now() + 86_400_000,
    })
    const stored = t.db.sqlite
      .prepare('select content from versions where position_id = ? and number = ?')
      .get(position.id, round.version_number) as { content: string }
    expect(stored.content).toContain('Noch schnell ergänzt')
    core.shutdown()
  })

  it('is part of the version when it arrives while the draft is being rendered', async () => {
    const { actor, position, core, conn } = world()
    core.receive(conn, paragraphUpdate('Vor dem Einfrieren'))
    const freezing = freezeVersion(t.deps, actor, position.id)
    // The render of the draft is under way (read before this edit); the edit must not be lost.
    core.receive(conn, paragraphUpdate('Während des Renderns'))
    const version = await freezing
    expect(version.content).toContain('Vor dem Einfrieren')
    expect(version.content).toContain('Während des Renderns')
    core.shutdown()
  })
})
