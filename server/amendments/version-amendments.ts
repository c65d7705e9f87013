import type { Node as PmNode } from '@tiptap/pm/model'
import { editorSchema } from '../../shared/editor/extensions.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import { getVersion } from '../versions/version.repo.ts'
import * as amendmentRepo from './amendment.repo.ts'
import { presentAmendment, type AmendmentJson } from './present-amendment.ts'
import { sentenceOrigins, type SentenceOrigin } from './sentence-origin.ts'

export interface VersionAmendmentsJson {
  versionNumber: number
  /** The amendments merged since the version before: those this version contains. */
  amendments: AmendmentJson[]
  /** Every sentence of the version with the amendments it came from ([] = the draft as written). */
  sentences: SentenceOrigin[]
  /** Every amendment a sentence names, up to this version. */
  sources: AmendmentJson[]
}

/** Which amendments a version contains, and where each of its sentences came from. */
export function versionAmendments(deps: Deps, actor: Actor, positionId: string, number: number): VersionAmendmentsJson {
  if (!can(actor, { type: 'position.read' })) fail('forbidden')
  const version = getVersion(deps.db, positionId, number) ?? fail('not_found')
  const supports = amendmentRepo.listSupports(deps.db, positionId)
  const upTo = amendmentRepo.amendmentsUpTo(deps.db, positionId, number)
  return {
    versionNumber: number,
    amendments: upTo.filter((a) => a.in_version === number).map((a) => presentAmendment(a, supports)),
    sentences: sentenceOrigins(textBlocks(editorSchema().nodeFromJSON(JSON.parse(version.content))), upTo),
    sources: upTo.map((a) => presentAmendment(a, supports)),
  }
}

function textBlocks(doc: PmNode): string[] {
  const out: string[] = []
  doc.descendants((node) => {
    if (!node.isTextblock) return true
    out.push(node.textContent)
    return false
  })
  return out
}

/** What a version's page shows of its amendments: those it contains, and the sentences they brought. */
export function amendmentsOfVersion(deps: Deps, actor: Actor, positionId: string, number: number) {
  const { amendments, sentences } = versionAmendments(deps, actor, positionId, number)
  return { contained: amendments, sentences }
}

/** The amendments the versions after `from` up to `to` contain (what the diff between them brought). */
export function amendmentsBetween(deps: Deps, actor: Actor, positionId: string, from: number, to: number): AmendmentJson[] {
  if (!can(actor, { type: 'position.read' })) fail('forbidden')
  const [low, high] = from <= to ? [from, to] : [to, from]
  const supports = amendmentRepo.listSupports(deps.db, positionId)
  return amendmentRepo
    .amendmentsUpTo(deps.db, positionId, high)
    .filter((a) => a.in_version !== null && a.in_version > low && a.in_version <= high)
    .map((a) => presentAmendment(a, supports))
}

/**
 * The amendments an adopted (published) version contains, for its public page: every amendment
 * merged into it or an earlier version. Public: no author, only the initiative it came from.
 */
export function adoptedAmendments(deps: Pick<Deps, 'db'>, positionId: string, versionNumber: number): Array<{ number: number; quote: string; text: string; initiative: { name: string } | null }> {
  return amendmentRepo.amendmentsUpTo(deps.db, positionId, versionNumber).map((a) => ({
    number: a.number,
    quote: a.quote,
    text: a.text,
    initiative: a.initiative_name === null ? null : { name: a.initiative_name },
  }))
}
