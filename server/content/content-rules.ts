import { HEADING_LEVELS } from '../../shared/editor/extensions.ts'

/** Deeper nesting than this (lists in quotes in lists …) is refused: no real text needs it. */
export const MAX_DEPTH = 48

type Rule = (value: unknown) => boolean

const shortText = (max: number): Rule => (v) => v === null || (typeof v === 'string' && v.length <= max)

/**
 * Every attribute the schema knows, with the values it may hold. An attribute the schema gains
 * without a rule here is refused, so a new extension cannot silently widen what is accepted.
 */
export const NODE_ATTR_RULES: Record<string, Record<string, Rule>> = {
  heading: { level: (v) => (HEADING_LEVELS as readonly unknown[]).includes(v) },
  orderedList: {
    start: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1_000_000,
    type: (v) => v === null || v === '1' || v === 'a' || v === 'A' || v === 'i' || v === 'I',
  },
}

export const MARK_ATTR_RULES: Record<string, Record<string, Rule>> = {
  link: {
    href: (v) => typeof v === 'string' && v.length <= 4096,
    target: shortText(32),
    rel: shortText(200),
    class: shortText(200),
    title: shortText(1000),
  },
}

/** The attributes every stored link gets, whatever a client sent: no classes, no new windows. */
export const LINK_FIXED_ATTRS = { target: null, rel: 'noopener noreferrer nofollow', class: null } as const

export function attrAllowed(rules: Record<string, Record<string, Rule>>, type: string, name: string, value: unknown): boolean {
  const rule = rules[type]?.[name]
  return rule !== undefined && rule(value)
}
