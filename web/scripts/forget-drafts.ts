import { forgetOfflineDrafts } from './offline-drafts.ts'

// Runs on the page a logout lands on. Browsers that honour the logout's Clear-Site-Data header
// have already emptied the storage, or are still emptying it: then IndexedDB refuses with an
// AbortError ("the connection was closed"), and a second attempt once the clearing is done finds
// nothing left. Browsers that ignore the header (e.g. plain http on a LAN) are covered by the
// first attempt.
async function forget(): Promise<void> {
  try {
    await forgetOfflineDrafts()
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 100))
    await forgetOfflineDrafts()
  }
}

forget().then(
  () => (document.documentElement.dataset.offlineDrafts = 'forgotten'),
  () => (document.documentElement.dataset.offlineDrafts = 'failed'),
)
