import type { PageContext } from '../layout.tsx'

export interface PublicHeadProps {
  ctx: PageContext
  title: string
  description: string
  /** Absolute URL of the page: link previews need it. */
  url: string
  type: 'website' | 'article'
  publishedAt?: number
  modifiedAt?: number
  /** Extra alternates, e.g. the PDF and the JSON of a position. */
  alternates?: Array<{ type: string; href: string; title: string }>
}

const OG_LOCALE = { de: 'de_DE', en: 'en_GB' } as const

/** Stylesheet, canonical link and the OpenGraph/Twitter tags that make shared links show title and summary. */
export function PublicHead({ ctx, title, description, url, type, publishedAt, modifiedAt, alternates = [] }: PublicHeadProps) {
  const text = description.length > 300 ? `${description.slice(0, 297).trimEnd()}…` : description
  return (
    <>
      <link rel="stylesheet" href="/assets/public.css" />
      <link rel="canonical" href={url} />
      <meta name="description" content={text} />
      <meta property="og:type" content={type} />
      <meta property="og:site_name" content={ctx.t('app.name')} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={text} />
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={OG_LOCALE[ctx.locale]} />
      {publishedAt !== undefined ? <meta property="article:published_time" content={new Date(publishedAt).toISOString()} /> : null}
      {modifiedAt !== undefined ? <meta property="article:modified_time" content={new Date(modifiedAt).toISOString()} /> : null}
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={text} />
      {alternates.map((a) => (
        <link rel="alternate" type={a.type} href={a.href} title={a.title} />
      ))}
    </>
  )
}
