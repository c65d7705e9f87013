import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { Deps } from '../deps.ts'
import type { AppEnv, CurrentPerson } from '../http/app-env.ts'

/** How often an idle stream sends a comment line, so proxies and phones keep it open. */
export const KEEPALIVE_MS = 25_000

/**
 * A Server-Sent Events stream that says "changed" whenever a comment of the position changes.
 * It carries no content: the page fetches GET /comments, which asks the policy again. Every
 * (re)connection starts with "ready", on which the page fetches too, so whoever was offline
 * gets what they missed. The stream ends when the person's session ends or they are disabled.
 */
export function commentEvents(c: Context<AppEnv>, deps: Deps, current: CurrentPerson, positionId: string) {
  // Taken before the stream starts, so the one over the cap is a plain 429 with its message.
  const release = deps.commentStreams.take(current.person.id)
  c.header('X-Accel-Buffering', 'no') // nginx: pass each event on at once
  return streamSSE(c, async (stream) => {
    let finish: () => void = () => {}
    const ended = new Promise<void>((resolve) => (finish = resolve))
    const onChanged = ({ positionId: changed }: { positionId: string }) => {
      if (changed === positionId) void stream.writeSSE({ event: 'changed', data: positionId }).catch(finish)
    }
    const onSessionEnded = ({ sessionId }: { sessionId: string }) => {
      if (sessionId === current.sessionId) finish()
    }
    const onPersonGone = ({ personId }: { personId: string }) => {
      if (personId === current.person.id) finish()
    }
    const keepalive = setInterval(() => void stream.write(': keepalive\n\n').catch(finish), KEEPALIVE_MS)
    deps.events.on('comments-changed', onChanged)
    deps.events.on('session-ended', onSessionEnded)
    deps.events.on('person-disabled', onPersonGone)
    deps.events.on('person-sessions-ended', onPersonGone)
    stream.onAbort(finish)
    try {
      await stream.writeSSE({ event: 'ready', data: positionId, retry: 3000 })
      await ended
    } finally {
      release()
      clearInterval(keepalive)
      deps.events.off('comments-changed', onChanged)
      deps.events.off('session-ended', onSessionEnded)
      deps.events.off('person-disabled', onPersonGone)
      deps.events.off('person-sessions-ended', onPersonGone)
    }
  })
}
