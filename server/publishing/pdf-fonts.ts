import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

// Noto Sans from @fontsource, as .woff: pdfkit's fontkit reads these and subsets them; the .woff2
// of latin-ext breaks fontkit's subsetter ("Offset is outside the bounds of the DataView").
// @fontsource splits the family by script; each subset covers the ranges below (copied from its
// CSS unicode-range), and a character is set in the first subset that covers it.

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic'

interface Subset {
  name: string
  pkg: '@fontsource/noto-sans' | '@fontsource/noto-sans-arabic' | '@fontsource/noto-sans-ethiopic'
  file: string
  /** Arabic and Ethiopic have no italic: their upright face stands in. */
  italic: boolean
  ranges: ReadonlyArray<readonly [number, number]>
}

const r = (spec: string): Array<[number, number]> =>
  spec.split(',').map((part) => {
    const [a, b] = part.replace('U+', '').split('-')
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)]
  })

const SUBSETS: readonly Subset[] = [
  {
    name: 'latin',
    pkg: '@fontsource/noto-sans',
    file: 'noto-sans-latin',
    italic: true,
    ranges: r('U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD'),
  },
  {
    name: 'latin-ext',
    pkg: '@fontsource/noto-sans',
    file: 'noto-sans-latin-ext',
    italic: true,
    ranges: r('U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF'),
  },
  { name: 'cyrillic', pkg: '@fontsource/noto-sans', file: 'noto-sans-cyrillic', italic: true, ranges: r('U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116') },
  {
    name: 'cyrillic-ext',
    pkg: '@fontsource/noto-sans',
    file: 'noto-sans-cyrillic-ext',
    italic: true,
    ranges: r('U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F'),
  },
  { name: 'greek', pkg: '@fontsource/noto-sans', file: 'noto-sans-greek', italic: true, ranges: r('U+0370-0377,U+037A-037F,U+0384-038A,U+038C,U+038E-03A1,U+03A3-03FF') },
  { name: 'greek-ext', pkg: '@fontsource/noto-sans', file: 'noto-sans-greek-ext', italic: true, ranges: r('U+1F00-1FFF') },
  {
    name: 'vietnamese',
    pkg: '@fontsource/noto-sans',
    file: 'noto-sans-vietnamese',
    italic: true,
    ranges: r('U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB'),
  },
  {
    name: 'arabic',
    pkg: '@fontsource/noto-sans-arabic',
    file: 'noto-sans-arabic-arabic',
    italic: false,
    ranges: r('U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC'),
  },
  { name: 'ethiopic', pkg: '@fontsource/noto-sans-ethiopic', file: 'noto-sans-ethiopic-ethiopic', italic: false, ranges: r('U+1200-1399,U+2D80-2DDE,U+AB01-AB2E') },
]

export const ARABIC_SUBSET = 'arabic'

/** The subset that has a glyph for the character (latin when none has: it prints a box, not "?"). */
export function subsetFor(codePoint: number): string {
  for (const subset of SUBSETS) for (const [from, to] of subset.ranges) if (codePoint >= from && codePoint <= to) return subset.name
  return 'latin'
}

/** The pdfkit font name of a subset in a style; `registerFonts` makes these names known to a document. */
export function fontName(subset: string, style: FontStyle): string {
  return `${subset}-${style}`
}

/**
 * Tells the document where each subset's files are. pdfkit reads a font file only when the
 * document first uses that font, so a German-only PDF never opens the Arabic or Ethiopic files.
 */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const require = createRequire(import.meta.url)
  const dirs = new Map<string, string>()
  const dirOf = (pkg: string) => {
    let dir = dirs.get(pkg)
    if (!dir) {
      // The packages export only their CSS; the font files lie beside it.
      dir = join(dirname(require.resolve(`${pkg}/400.css`)), 'files')
      dirs.set(pkg, dir)
    }
    return dir
  }
  for (const subset of SUBSETS) {
    for (const style of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      const weight = style === 'bold' || style === 'boldItalic' ? 700 : 400
      const slant = subset.italic && (style === 'italic' || style === 'boldItalic') ? 'italic' : 'normal'
      const path = join(dirOf(subset.pkg), `${subset.file}-${weight}-${slant}.woff`)
      if (existsSync(path)) doc.registerFont(fontName(subset.name, style), path)
      else doc.registerFont(fontName(subset.name, style), join(dirOf(subset.pkg), `${subset.file}-400-normal.woff`))
    }
  }
}
