/** The Y.XmlFragment of a position's Y.Doc that holds the draft: the editor writes it, the server reads it. */
export const DRAFT_FRAGMENT = 'content'
