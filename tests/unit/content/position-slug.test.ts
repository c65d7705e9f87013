import { describe, expect, it } from 'vitest'
import { slugify } from '../../../shared/slug.ts'
import { nextFreeSlug } from '../../../server/positions/position-slug.ts'

describe('slugs of positions', () => {
  it.each([
    ['Wohnraum für Geflüchtete', 'wohnraum-fuer-gefluechtete'],
    ['Größere Säle, weniger Hürden', 'groessere-saele-weniger-huerden'],
    ['Straße & Öffentlichkeit', 'strasse-oeffentlichkeit'],
    ['ÄRZTE OHNE GRENZEN', 'aerzte-ohne-grenzen'],
    ['Café für alle – jetzt!', 'cafe-fuer-alle-jetzt'],
    ['  Sprachkurse  ab  Tag 1 ', 'sprachkurse-ab-tag-1'],
    // "ü" written as "u" + combining diaeresis, as some keyboards and PDFs produce it
    ['Flu\u0308chtlinge', 'fluechtlinge'],
    ['???', ''],
  ])('turns %j into %j', (title, slug) => {
    expect(slugify(title)).toBe(slug)
  })

  it('numbers a taken slug from 2 on and fills gaps', () => {
    expect(nextFreeSlug('wohnen', new Set())).toBe('wohnen')
    expect(nextFreeSlug('wohnen', new Set(['wohnen']))).toBe('wohnen-2')
    expect(nextFreeSlug('wohnen', new Set(['wohnen', 'wohnen-2', 'wohnen-3']))).toBe('wohnen-4')
    expect(nextFreeSlug('wohnen', new Set(['wohnen', 'wohnen-3']))).toBe('wohnen-2')
  })
})
