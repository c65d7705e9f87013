// What the round views show in a datetime-local box; reading such a box back is the server's
// (shared/zoned-time.ts, fromLocalInput).
export { toLocalInput } from '../../../shared/zoned-time.ts'
