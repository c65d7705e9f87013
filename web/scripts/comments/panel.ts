import { intlLocale } from '../../../shared/i18n/locale.ts'
import type { CommentJson, CommentsJson, ReplyJson } from '../../../shared/comments/comment-json.ts'
import { linkify, MAX_COMMENT_LENGTH } from '../../../shared/comments/mentions.ts'
import type { Highlight } from './highlights.ts'
import { commentsTranslator, type CommentsTranslate } from './messages.ts'

/** What the panel needs from the text beside it (the live editor); absent for a frozen text. */
export interface TextHooks {
  selection(): { from: number; to: number; text: string } | null
  onSelection(listener: () => void): void
  highlight(list: Highlight[]): void
  show(from: number, to: number): void
}

type Attrs = Record<string, string | boolean | undefined>

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string | null>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue
    node.setAttribute(name, value === true ? '' : value)
  }
  for (const child of children) if (child !== null) node.append(child)
  return node
}

/** A comment's text: escaped (text nodes only), addresses as links, line breaks kept by CSS. */
function bodyNode(body: string): HTMLElement {
  const p = el('p', { class: 'comment-body', lang: 'de' })
  for (const part of linkify(body)) p.append('href' in part ? el('a', { href: part.href, rel: 'noopener noreferrer nofollow' }, part.text) : part.text)
  return p
}

async function send(method: string, url: string, body?: unknown): Promise<void> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  })
  if (!res.ok) {
    const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
    throw new Error(data?.error?.message ?? String(res.status))
  }
}

/** Starts the comment panel; `attach` connects it to the editor once that exists. */
export function startComments(root: HTMLElement): { attach(hooks: TextHooks): void } {
  const data = root.dataset
  const positionId = data.positionId!
  const t = commentsTranslator(data.locale)
  const canWrite = data.canWrite === 'true'
  const version = data.version
  const listBox = root.querySelector<HTMLElement>('[data-comments-list]')!
  const announcer = root.querySelector<HTMLElement>('[data-comments-announce]')
  const form = root.querySelector<HTMLFormElement>('[data-comment-new]')
  let hooks: TextHooks | null = null
  let comments: CommentJson[] = []
  let seen: Set<string> | null = null
  // Open forms and what was typed into them survive a redraw (a live update while typing).
  const open = new Map<string, string>()
  let showResolved = false

  const listUrl = `/api/positions/${positionId}/comments${version ? `?version=${version}` : ''}`

  const refresh = async () => {
    try {
      const res = await fetch(listUrl, { credentials: 'same-origin', cache: 'no-store' })
      if (!res.ok) throw new Error(String(res.status))
      const json = (await res.json()) as CommentsJson
      comments = json.comments
      const ids = new Set(comments.flatMap((c) => [c.id, ...c.replies.map((r) => r.id)]))
      if (seen && [...ids].some((id) => !seen!.has(id))) announce(t('comments.announce_new'))
      const first = seen === null
      seen = ids
      draw()
      if (first) showLinked()
    } catch {
      listBox.replaceChildren(el('p', { class: 'hint' }, t('comments.load_failed')))
    }
  }

  /** A link to a comment (a mention's notification) shows that comment once the list is there. */
  const showLinked = () => {
    const target = location.hash.startsWith('#comment-') ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null
    if (!target || !listBox.contains(target)) return
    const details = target.closest('details')
    if (details) details.open = showResolved = true
    const focusable = target.querySelector<HTMLElement>('article') ?? target
    if (!focusable.hasAttribute('tabindex')) focusable.tabIndex = -1
    focusable.focus()
    target.scrollIntoView({ block: 'center' })
  }

  const announce = (text: string) => {
    if (!announcer) return
    announcer.textContent = ''
    setTimeout(() => (announcer.textContent = text), 50)
  }

  const act = async (method: string, url: string, body?: unknown, errorBox?: HTMLElement) => {
    try {
      await send(method, url, body)
      if (errorBox) errorBox.hidden = true
      await refresh()
      return true
    } catch (error) {
      const message = t('comments.failed', { message: (error as Error).message })
      if (errorBox) {
        errorBox.textContent = message
        errorBox.hidden = false
      } else announce(message)
      return false
    }
  }

  const meta = (c: ReplyJson, idPrefix: string) =>
    el(
      'p',
      { class: 'comment-meta' },
      el('strong', { id: `${idPrefix}-author` }, c.author?.name ?? t('comments.unknown_author')),
      ' · ',
      el('time', { datetime: c.createdAt }, new Date(c.createdAt).toLocaleString(intlLocale(data.locale ?? 'de'), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin', timeZoneName: 'short' })),
      c.editedAt && !c.deleted ? ` · ${t('comments.edited')}` : null,
    )

  /** A small form (reply or edit) with the field markup of the other forms. */
  const textForm = (key: string, label: string, submit: string, initial: string, onSubmit: (body: string, error: HTMLElement) => Promise<boolean>) => {
    const id = `comment-${key}`
    const error = el('p', { class: 'field-error', id: `${id}-error`, hidden: true })
    const area = el('textarea', { id, name: 'body', rows: '3', maxlength: String(MAX_COMMENT_LENGTH), 'aria-describedby': `${id}-error` })
    area.value = open.get(key) ?? initial
    area.addEventListener('input', () => open.set(key, area.value))
    const cancel = el('button', { type: 'button', class: 'secondary' }, t('comments.cancel'))
    cancel.addEventListener('click', () => {
      open.delete(key)
      draw()
    })
    const f = el('form', { class: 'comment-form', novalidate: true }, el('label', { for: id }, label), error, area, el('div', { class: 'comment-actions' }, el('button', { type: 'submit' }, submit), cancel))
    f.addEventListener('submit', (event) => {
      event.preventDefault()
      const body = area.value.trim()
      if (!body) return void area.focus()
      void onSubmit(body, error).then((ok) => {
        if (ok) {
          open.delete(key)
          draw()
        }
      })
    })
    return f
  }

  const ownActions = (c: ReplyJson, box: HTMLElement) => {
    if (!c.canEdit) return
    const edit = el('button', { type: 'button', class: 'link-button' }, t('comments.edit'))
    edit.addEventListener('click', () => {
      open.set(`edit-${c.id}`, c.body)
      draw(`comment-edit-${c.id}`)
    })
    const del = el('button', { type: 'button', class: 'link-button' }, t('comments.delete'))
    del.addEventListener('click', () => {
      if (confirm(t('comments.confirm_delete'))) void act('DELETE', `/api/comments/${c.id}`)
    })
    box.append(edit, del)
  }

  const replyItem = (r: ReplyJson) => {
    const li = el('li', { class: 'comment-reply', id: `comment-${r.id}` }, meta(r, `comment-${r.id}`))
    if (r.deleted) li.append(el('p', { class: 'comment-deleted' }, t('comments.deleted')))
    else if (open.has(`edit-${r.id}`)) li.append(textForm(`edit-${r.id}`, t('comments.edit_label'), t('comments.save'), r.body, (body, e) => act('PATCH', `/api/comments/${r.id}`, { body }, e)))
    else {
      li.append(bodyNode(r.body))
      const actions = el('div', { class: 'comment-actions' })
      ownActions(r, actions)
      if (actions.childElementCount) li.append(actions)
    }
    return li
  }

  const thread = (c: CommentJson) => {
    const id = `comment-${c.id}`
    const article = el('article', { 'aria-labelledby': `${id}-author` })
    if (c.orphaned) article.append(el('p', { class: 'comment-gone' }, t('comments.passage_gone')))
    else if (c.anchor && 'versionNumber' in c.anchor && !version) article.append(el('p', { class: 'hint' }, t('comments.on_version', { n: c.anchor.versionNumber })))
    if (c.ballotChoice) article.append(el('p', { class: `comment-answer comment-answer-${c.ballotChoice}` }, el('strong', {}, t(`comments.ballot.${c.ballotChoice}`))))
    if (c.amendment) {
      const label = t('comments.amendment', { number: c.amendment.number })
      article.append(el('p', { class: 'comment-answer' }, el('a', { href: `/positions/${positionId}/amendments#a-${c.amendment.number}` }, label)))
    }
    article.append(el('blockquote', { class: c.orphaned ? 'comment-quote gone' : 'comment-quote', lang: 'de' }, c.quote))
    article.append(meta(c, id))
    if (c.deleted) article.append(el('p', { class: 'comment-deleted' }, t('comments.deleted')))
    else if (open.has(`edit-${c.id}`)) article.append(textForm(`edit-${c.id}`, t('comments.edit_label'), t('comments.save'), c.body, (body, e) => act('PATCH', `/api/comments/${c.id}`, { body }, e)))
    else article.append(bodyNode(c.body))
    if (c.resolved && c.resolvedBy) article.append(el('p', { class: 'hint' }, t('comments.resolved_by', { name: c.resolvedBy.name })))
    if (c.replies.length) article.append(el('ol', { class: 'comment-replies' }, ...c.replies.map(replyItem)))
    const actions = el('div', { class: 'comment-actions' })
    const anchor = c.anchor
    if (hooks && anchor && 'versionNumber' in anchor === Boolean(version)) {
      const show = el('button', { type: 'button', class: 'link-button' }, t('comments.show_in_text'))
      show.addEventListener('click', () => hooks?.show(anchor.from, anchor.to))
      actions.append(show)
    }
    if (canWrite && !open.has(`reply-${c.id}`)) {
      const reply = el('button', { type: 'button', class: 'link-button' }, t('comments.reply'))
      reply.addEventListener('click', () => {
        open.set(`reply-${c.id}`, '')
        draw(`comment-reply-${c.id}`)
      })
      actions.append(reply)
    }
    if (c.canResolve) {
      const toggle = el('button', { type: 'button', class: 'link-button' }, c.resolved ? t('comments.reopen') : t('comments.resolve'))
      toggle.addEventListener('click', () => void act('POST', `/api/comments/${c.id}/${c.resolved ? 'reopen' : 'resolve'}`).then(() => document.getElementById(id)?.querySelector<HTMLElement>('article')?.focus()))
      actions.append(toggle)
    }
    if (!open.has(`edit-${c.id}`)) ownActions(c, actions)
    article.append(actions)
    if (open.has(`reply-${c.id}`)) {
      article.append(
        textForm(`reply-${c.id}`, t('comments.reply_label'), t('comments.reply_submit'), '', (body, e) =>
          act('POST', `/api/comments/${c.id}/replies`, { body }, e),
        ),
      )
    }
    article.tabIndex = -1
    return el('li', { class: c.resolved ? 'comment-thread resolved' : 'comment-thread', id }, article)
  }

  /** Draws the list again; keeps focus where it was (or moves it to `focusId`). */
  const draw = (focusId?: string) => {
    const active = document.activeElement as HTMLElement | null
    const keep = focusId ?? (active && listBox.contains(active) ? active.id : '')
    const openOnes = comments.filter((c) => !c.resolved)
    const resolved = comments.filter((c) => c.resolved)
    const parts: HTMLElement[] = []
    if (!comments.length) parts.push(el('p', { class: 'hint' }, t('comments.empty')))
    if (openOnes.length) parts.push(el('ol', { class: 'comment-list' }, ...openOnes.map(thread)))
    if (resolved.length) {
      const details = el('details', { class: 'comments-resolved', open: showResolved }, el('summary', {}, t('comments.resolved_heading', { n: resolved.length })), el('ol', { class: 'comment-list' }, ...resolved.map(thread)))
      details.addEventListener('toggle', () => (showResolved = details.open))
      parts.push(details)
    }
    listBox.replaceChildren(...parts)
    if (keep) document.getElementById(keep)?.focus()
    // The editor marks the draft's passages, a frozen text those on its version.
    hooks?.highlight(openOnes.flatMap((c) => (c.anchor && 'versionNumber' in c.anchor === Boolean(version) ? [{ id: c.id, from: c.anchor.from, to: c.anchor.to }] : [])))
  }

  if (form) {
    const quote = form.querySelector<HTMLElement>('[data-comment-selection]')!
    const error = form.querySelector<HTMLElement>('[data-comment-error]')!
    const area = form.querySelector<HTMLTextAreaElement>('textarea')!
    let chosen: { from: number; to: number; text: string } | null = null
    const showChoice = () => {
      const now = hooks?.selection() ?? null
      if (now) chosen = now
      // The passage in quotation marks (and in the text's language); the placeholder without.
      quote.textContent = chosen ? `„${chosen.text}“` : t('comments.no_selection')
      quote.lang = chosen ? 'de' : ''
      quote.dataset.empty = chosen ? 'false' : 'true'
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      const body = area.value.trim()
      const fieldError = (message: string) => {
        error.textContent = message
        error.hidden = false
        area.setAttribute('aria-invalid', 'true')
        area.setAttribute('aria-describedby', 'comment-new-body-error comment-new-how comment-new-body-hint')
        area.focus()
      }
      if (!chosen) return fieldError(t('comments.select_first'))
      if (!body) return area.focus()
      void send('POST', `/api/positions/${positionId}/comments`, { body, anchor: version ? { versionNumber: Number(version), from: chosen.from, to: chosen.to } : { from: chosen.from, to: chosen.to } })
        .then(() => {
          area.value = ''
          chosen = null
          error.hidden = true
          area.removeAttribute('aria-invalid')
          area.setAttribute('aria-describedby', 'comment-new-how comment-new-body-hint')
          showChoice()
          return refresh()
        })
        .catch((e: Error) => fieldError(t('comments.failed', { message: e.message })))
    })
    return {
      attach(h) {
        hooks = h
        form.hidden = false
        h.onSelection(showChoice)
        draw()
      },
      ...connect(),
    }
  }
  return { attach: (h) => ((hooks = h), draw()), ...connect() }

  function connect() {
    // Every (re)connection says "ready": fetching then gives whatever was missed meanwhile.
    const events = new EventSource(`/api/positions/${positionId}/comments/events`)
    events.addEventListener('ready', () => void refresh())
    events.addEventListener('changed', () => void refresh())
    return {}
  }
}

export type { CommentsTranslate }
