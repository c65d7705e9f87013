import { getSchema, type Extensions } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { StarterKit } from '@tiptap/starter-kit'
import { isAllowedHref } from './link-policy.ts'

/** Heading levels a position may use; the page title is the h1. */
export const HEADING_LEVELS = [2, 3, 4] as const

/**
 * The single list of TipTap extensions that defines what a position's text can contain. The
 * browser editor builds on it (adding Collaboration); the server derives the ProseMirror schema
 * from it and renders HTML with it, so both sides agree on every node, mark and attribute.
 */
export const editorExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [...HEADING_LEVELS] },
    link: {
      defaultProtocol: 'https',
      isAllowedUri: (url) => isAllowedHref(url),
      autolink: true,
      linkOnPaste: true,
      openOnClick: false,
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null, class: null },
    },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    // Collaboration brings its own (per-user) undo; TipTap's history would undo other people's typing.
    undoRedo: false,
    // Appending a paragraph on every client would race between collaborators.
    trailingNode: false,
  }),
]

let schema: Schema | undefined

/** The ProseMirror schema of a position's text (built once; isomorphic). */
export function editorSchema(): Schema {
  schema ??= getSchema(editorExtensions)
  return schema
}
