/**
 * The editor keeps offline copies of drafts in IndexedDB (y-indexeddb), one database per person
 * and position. Logging out must leave none behind: on a shared computer (a café, a shelter's
 * office) the next person must not find them.
 */
export const OFFLINE_DRAFT_PREFIX = 'sprachrohr:'

export function offlineDraftName(personId: string, positionId: string): string {
  return `${OFFLINE_DRAFT_PREFIX}${personId}:${positionId}`
}

/** Deletes one offline copy; never rejects (a database that cannot be deleted now is left to the next logout). */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name)
    // Blocked: a tab still holds it open; the deletion completes once that tab lets go.
    request.onsuccess = request.onerror = request.onblocked = () => resolve()
  })
}

/** Deletes every offline draft copy in this browser (of whoever wrote it); how many there were. */
export async function forgetOfflineDrafts(): Promise<number> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return 0
  const names = (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith(OFFLINE_DRAFT_PREFIX))
  await Promise.all(names.map(deleteDatabase))
  return names.length
}
