import { forgetOfflineDrafts } from './offline-drafts.ts'

// Runs on the page a logout lands on. Browsers that honour the logout's Clear-Site-Data header
// have already emptied the storage; this covers those that do not (e.g. plain http on a LAN).
void forgetOfflineDrafts().finally(() => {
  document.documentElement.dataset.offlineDrafts = 'forgotten'
})
