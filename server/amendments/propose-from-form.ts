import { editorSchema } from '../../shared/editor/extensions.ts'
import { fail } from '../../shared/errors.ts'
import type { Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import { getVersion } from '../versions/version.repo.ts'
import type { AmendmentListed } from './amendment.repo.ts'
import { findQuote } from './find-quote.ts'
import { proposeAmendment } from './propose-amendment.ts'

/** The propose form as posted, validated at the edge. */
export interface ProposeFormInput {
  versionNumber: number
  /** The passage selected in the version's text (the page's script), as ProseMirror positions… */
  from?: number | undefined
  to?: number | undefined
  /** …or quoted (the form without JavaScript). */
  quote: string
  /** The replacement written in the editor (ProseMirror block nodes)… */
  content?: unknown[] | undefined
  /** …or typed as plain text (without JavaScript); empty deletes the passage. */
  text: string
  reason: string
}

/**
 * The form's way to propose: the passage by its positions when the page's script selected it,
 * else found by its quote; the replacement from the editor's document, else from plain text.
 */
export function proposeFromForm(deps: Deps, actor: Actor, positionId: string, input: ProposeFormInput): AmendmentListed {
  const replacement = input.content !== undefined ? { content: input.content } : { text: input.text }
  if (input.from !== undefined || input.to !== undefined) {
    if (input.from === undefined || input.to === undefined) fail('amendment_range', { key: 'amendments.error.range_half' }, 'from')
    return proposeAmendment(deps, actor, positionId, { versionNumber: input.versionNumber, from: input.from, to: input.to, ...replacement, reason: input.reason })
  }
  if (input.quote === '') fail('validation', { key: 'amendments.error.quote_missing' }, 'quote')
  const version = getVersion(deps.db, positionId, input.versionNumber) ?? fail('not_found', undefined, 'versionNumber')
  const range = findQuote(editorSchema().nodeFromJSON(JSON.parse(version.content)), input.quote)
  return proposeAmendment(deps, actor, positionId, { versionNumber: input.versionNumber, ...range, ...replacement, reason: input.reason })
}
