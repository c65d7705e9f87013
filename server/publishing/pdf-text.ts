// pdfkit's built-in fonts (Helvetica, no file to ship) speak WinAnsi: Latin-1 plus a few
// typographic characters („“ – — … € •). Anything else would come out as garbage glyphs, so text
// is mapped to what the font can show before it reaches pdfkit.

const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
])

const REPLACEMENTS: Record<string, string> = {
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '\u2013',
  '\u2015': '\u2014',
  '\u2212': '-', // minus
  '\u2032': "'",
  '\u2033': '"',
  '\u00ad': '', // soft hyphen: pdfkit would print it
  '\u2007': '\u00a0',
  '\u202f': '\u00a0', // narrow no-break space (French quotes, some number formats)
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u0142': 'l',
  '\u0141': 'L',
  '\u0111': 'd',
  '\u0110': 'D',
  '\u0131': 'i',
  '\u2713': 'v',
  '\u2717': 'x',
}

function encodable(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code)
}

/** Text the built-in PDF fonts can show: other characters are transliterated or become "?". */
export function pdfSafe(text: string, options: { keepNewlines?: boolean } = {}): string {
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!
    if (ch === '\n' && options.keepNewlines) out += ch
    else if (code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) out += ' '
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue
    else if (encodable(code)) out += ch
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch]
    else {
      // "ő", "ł" and friends: drop the accent rather than the letter.
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      out += base.length > 0 && [...base].every((c) => encodable(c.codePointAt(0)!)) ? base : '?'
    }
  }
  return out
}
