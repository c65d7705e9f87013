import { Hono } from 'hono'
import type { AppEnv } from '../http/app-env.ts'

/** The forms that hand on and revoke a vote (filled in below). */
export const proxiesPages = new Hono<AppEnv>()
