import type { Alliance } from './read-alliance.ts'

/** The Atom feed's author (RFC 4287 §3.2: name, uri, email) and logo, from the profile. */
export interface FeedPublisher {
  name: string
  uri?: string
  email?: string
  logo?: string
}

export function feedPublisher(alliance: Alliance, fallbackName: string): FeedPublisher {
  return {
    name: alliance.name || fallbackName,
    ...(alliance.website ? { uri: alliance.website } : {}),
    ...(alliance.contactEmail ? { email: alliance.contactEmail } : {}),
    ...(alliance.logo ? { logo: alliance.logo.url } : {}),
  }
}
