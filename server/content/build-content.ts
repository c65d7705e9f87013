import type { JSONContent } from '@tiptap/core'
import { Fragment, Mark, type MarkType, type Node as PMNode, type NodeType, type Schema } from '@tiptap/pm/model'
import { HEADING_LEVELS } from '../../shared/editor/extensions.ts'
import { isAllowedHref } from '../../shared/editor/link-policy.ts'
import { fail } from '../../shared/errors.ts'
import { attrAllowed, LINK_FIXED_ATTRS, MARK_ATTR_RULES, MAX_DEPTH, NODE_ATTR_RULES } from './content-rules.ts'

/** ProseMirror JSON of a position's text (a `doc` node). */
export type ContentJson = JSONContent

/**
 * strict: anything the schema does not know is an error (content that arrives from outside).
 * lenient: unknown parts are dropped (a live draft, where a misbehaving client must not make the
 * whole text unreadable).
 */
export type BuildMode = 'strict' | 'lenient'

const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text'])
const MARK_KEYS = new Set(['type', 'attrs'])
/** Where a node's attribute default is not a value the rules accept, the lenient mode uses these. */
const NODE_ATTR_FALLBACKS: Record<string, Record<string, unknown>> = { heading: { level: HEADING_LEVELS[0] } }

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined
}

class ContentBuilder {
  constructor(
    private readonly schema: Schema,
    private readonly mode: BuildMode,
  ) {}

  /** In strict mode: the error; in lenient mode: "leave this part out". */
  private reject(): null {
    if (this.mode === 'strict') fail('unknown_content')
    return null
  }

  root(json: unknown): PMNode {
    const doc = this.node(json, 0)
    if (!doc || doc.type !== this.schema.topNodeType) {
      this.reject()
      return this.emptyDoc()
    }
    try {
      doc.check()
      return doc
    } catch {
      this.reject()
      return this.repair(doc)
    }
  }

  emptyDoc(): PMNode {
    return this.schema.topNodeType.create(null, this.schema.nodes.paragraph!.create())
  }

  private node(json: unknown, depth: number): PMNode | null {
    if (depth > MAX_DEPTH || !isPlainObject(json) || typeof json.type !== 'string') return this.reject()
    if (this.mode === 'strict' && Object.keys(json).some((key) => !NODE_KEYS.has(key))) return this.reject()
    const type = own(this.schema.nodes, json.type)
    if (!type || (depth > 0 && type === this.schema.topNodeType) || (depth === 0 && type !== this.schema.topNodeType)) {
      return this.reject()
    }
    if (type.isText) return this.text(json)
    if (json.text !== undefined) return this.reject()
    if (json.marks !== undefined && !(Array.isArray(json.marks) && json.marks.length === 0)) {
      if (this.mode === 'strict') return this.reject()
    }
    const attrs = this.nodeAttrs(type, json.attrs)
    if (!attrs) return null
    let children: PMNode[] = []
    if (json.content !== undefined) {
      if (!Array.isArray(json.content)) return this.reject()
      for (const child of json.content) {
        const built = this.node(child, depth + 1)
        if (built) children.push(built)
      }
    }
    if (type.isLeaf && children.length > 0) {
      if (this.reject() === null) children = []
    }
    return type.create(attrs, Fragment.fromArray(children))
  }

  private text(json: Record<string, unknown>): PMNode | null {
    if (typeof json.text !== 'string' || json.text === '') return this.reject()
    if (json.content !== undefined) return this.reject()
    if (json.attrs !== undefined && !(isPlainObject(json.attrs) && Object.keys(json.attrs).length === 0)) return this.reject()
    const marks = this.marks(json.marks)
    if (!marks) return null
    return this.schema.text(json.text, marks)
  }

  private nodeAttrs(type: NodeType, raw: unknown): Record<string, unknown> | null {
    const specs = type.spec.attrs ?? {}
    const given = this.givenAttrs(NODE_ATTR_RULES, type.name, specs, raw)
    if (!given) return null
    const attrs: Record<string, unknown> = {}
    for (const [name, spec] of Object.entries(specs)) {
      let value = name in given ? given[name] : spec.default
      if (!attrAllowed(NODE_ATTR_RULES, type.name, name, value)) {
        const fallback = NODE_ATTR_FALLBACKS[type.name]?.[name]
        if (this.mode === 'strict' || fallback === undefined) return this.reject()
        value = fallback
      }
      attrs[name] = value
    }
    return attrs
  }

  /** The attributes a node or mark explicitly carries, checked against the rules. */
  private givenAttrs(
    rules: typeof NODE_ATTR_RULES,
    typeName: string,
    known: Record<string, unknown>,
    raw: unknown,
  ): Record<string, unknown> | null {
    if (raw === undefined || raw === null) return {}
    if (!isPlainObject(raw)) return this.reject()
    const given: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(raw)) {
      if (!Object.prototype.hasOwnProperty.call(known, name) || !attrAllowed(rules, typeName, name, value)) {
        if (this.mode === 'strict') return this.reject()
        continue
      }
      given[name] = value
    }
    return given
  }

  private marks(raw: unknown): readonly Mark[] | null {
    if (raw === undefined) return Mark.none
    if (!Array.isArray(raw)) return this.reject() ?? Mark.none
    const marks: Mark[] = []
    for (const item of raw) {
      const mark = this.mark(item, marks)
      if (mark) marks.push(mark)
    }
    return Mark.setFrom(marks)
  }

  private mark(json: unknown, siblings: Mark[]): Mark | null {
    if (!isPlainObject(json) || typeof json.type !== 'string') return this.reject()
    if (this.mode === 'strict' && Object.keys(json).some((key) => !MARK_KEYS.has(key))) return this.reject()
    const type: MarkType | undefined = own(this.schema.marks, json.type)
    if (!type || siblings.some((m) => m.type === type)) return this.reject()
    const specs = type.spec.attrs ?? {}
    const given = this.givenAttrs(MARK_ATTR_RULES, type.name, specs, json.attrs)
    if (!given) return null
    const attrs: Record<string, unknown> = {}
    for (const [name, spec] of Object.entries(specs)) {
      const value = name in given ? given[name] : spec.default
      if (!attrAllowed(MARK_ATTR_RULES, type.name, name, value)) return this.reject()
      attrs[name] = value
    }
    if (type.name === 'link') {
      // A link to anywhere but the web or an address is not an error: the words stay, the link goes.
      if (!isAllowedHref(attrs.href)) return null
      return type.create({ ...attrs, ...LINK_FIXED_ATTRS })
    }
    return type.create(attrs)
  }

  /**
   * Last resort for a draft whose structure the schema refuses (only a misbehaving client can
   * write one): keep every text block and rule in reading order, as top-level blocks.
   */
  private repair(doc: PMNode): PMNode {
    const blocks: PMNode[] = []
    const collect = (node: PMNode) => {
      if (node.isTextblock) {
        const inline: PMNode[] = []
        node.forEach((child) => {
          if (child.isInline && node.type.allowsMarks(child.marks)) inline.push(child)
        })
        blocks.push(node.type.create(node.attrs, Fragment.fromArray(inline)))
      } else if (node.type === this.schema.nodes.horizontalRule) {
        blocks.push(node.type.create())
      } else if (node.isInline) {
        blocks.push(this.schema.nodes.paragraph!.create(null, node))
      } else {
        node.forEach(collect)
      }
    }
    doc.forEach(collect)
    try {
      const repaired = this.schema.topNodeType.create(null, blocks.length ? blocks : this.schema.nodes.paragraph!.create())
      repaired.check()
      return repaired
    } catch {
      return this.emptyDoc()
    }
  }
}

/** Builds a checked ProseMirror node from JSON in the given mode. */
export function buildContent(schema: Schema, json: unknown, mode: BuildMode): PMNode {
  return new ContentBuilder(schema, mode).root(json)
}
