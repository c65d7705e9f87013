/**
 * The canonical JSON form that a version's SHA-256 hash is computed over, so that anybody can
 * recompute the hash of a published text from its JSON with a few lines in any language:
 *
 * - UTF-8 text of standard JSON (RFC 8259) with no whitespace outside strings;
 * - object keys sorted by UTF-16 code units (JavaScript's default `sort()`), at every depth;
 * - object members whose value is `undefined` are left out (as `JSON.stringify` does);
 * - arrays keep their order;
 * - strings and numbers are written exactly as `JSON.stringify` writes them (shortest
 *   round-trip number form, `\u` escapes only for control characters, lone surrogates and
 *   nothing else); `NaN`, `Infinity` and anything that is not plain JSON data are refused.
 *
 * The version hash is the lower-case hex SHA-256 of the UTF-8 bytes of this text.
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0)
}

const MAX_DEPTH = 200

function write(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) throw new TypeError('canonical JSON: nested too deeply')
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'string':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON: ${value} is not a JSON number`)
      return JSON.stringify(value)
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => write(item, depth + 1)).join(',')}]`
      const proto = Object.getPrototypeOf(value) as unknown
      if (proto !== Object.prototype && proto !== null) throw new TypeError('canonical JSON: only plain objects and arrays')
      const record = value as Record<string, unknown>
      const members: string[] = []
      for (const key of Object.keys(record).sort()) {
        const item = record[key]
        if (item === undefined) continue
        members.push(`${JSON.stringify(key)}:${write(item, depth + 1)}`)
      }
      return `{${members.join(',')}}`
    }
    default:
      throw new TypeError(`canonical JSON: a ${typeof value} is not JSON data`)
  }
}
