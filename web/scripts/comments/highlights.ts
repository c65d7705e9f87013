import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

export interface Highlight {
  id: string
  from: number
  to: number
}

const key = new PluginKey<DecorationSet>('commentHighlights')

/**
 * Marks the passages that have open comments. The ranges come from the server; until the next
 * fetch they move with every edit (the decorations are mapped through each transaction).
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(key) as Highlight[] | undefined
            if (next) {
              const size = tr.doc.content.size
              const decorations = next
                .filter((h) => h.from < h.to && h.to <= size)
                .map((h) => Decoration.inline(h.from, h.to, { class: 'comment-highlight', 'data-comment-id': h.id }))
              return DecorationSet.create(tr.doc, decorations)
            }
            return set.map(tr.mapping, tr.doc)
          },
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ]
  },
})

export const highlightsKey = key
