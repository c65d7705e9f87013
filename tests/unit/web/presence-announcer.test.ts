import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { editorTranslator } from '../../../web/scripts/editor/messages.ts'
import { presenceAnnouncer } from '../../../web/scripts/editor/presence-announcer.ts'

const t = editorTranslator('de')
const region = () => ({ textContent: '' }) as HTMLElement
const people = (...names: string[]) => new Map(names.map((name) => [name.toLowerCase(), name]))

describe('presence announcer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('does not announce who was already there before the first sync', () => {
    const out = region()
    const a = presenceAnnouncer(out, t)
    a.update(people('Murat'))
    a.settle()
    vi.advanceTimersByTime(10_000)
    expect(out.textContent).toBe('')
  })

  it('announces someone who arrives right after the sync, however quickly', () => {
    const out = region()
    const a = presenceAnnouncer(out, t)
    a.update(people())
    a.settle()
    a.update(people('Murat'))
    vi.advanceTimersByTime(10_000)
    expect(out.textContent).toBe('Murat ist dazugekommen.')
  })

  it('waits until the list is still, then says who came and who went in one go', () => {
    const out = region()
    const a = presenceAnnouncer(out, t)
    a.update(people('Lena'))
    a.settle()
    a.update(people('Lena', 'Murat'))
    vi.advanceTimersByTime(1000)
    a.update(people('Murat'))
    vi.advanceTimersByTime(1000)
    expect(out.textContent).toBe('')
    vi.advanceTimersByTime(1000)
    expect(out.textContent).toBe('Murat ist dazugekommen. Lena ist gegangen.')
  })

  it('says nothing about someone who leaves and comes back within the batch', () => {
    const out = region()
    const a = presenceAnnouncer(out, t)
    a.update(people('Lena'))
    a.settle()
    a.update(people())
    a.update(people('Lena'))
    vi.advanceTimersByTime(10_000)
    expect(out.textContent).toBe('')
  })

  it('counts a crowd instead of reading out every name, and keeps announcing while people keep coming', () => {
    const out = region()
    const a = presenceAnnouncer(out, t)
    a.update(people('Lena'))
    a.settle()
    // A workshop opens the draft: five people within a second, one announcement.
    const crowd = ['Lena', 'Murat', 'Sara', 'Jonas', 'Elif', 'Anna']
    for (let n = 2; n <= crowd.length; n++) {
      a.update(people(...crowd.slice(0, n)))
      vi.advanceTimersByTime(200)
    }
    expect(out.textContent).toBe('')
    vi.advanceTimersByTime(1500)
    expect(out.textContent).toBe('5 Personen sind dazugekommen.')
    // Two leave: their names, not a count.
    a.update(people('Lena', 'Murat', 'Sara', 'Jonas'))
    vi.advanceTimersByTime(1500)
    expect(out.textContent).toBe('Anna, Elif sind gegangen.')
  })
})
