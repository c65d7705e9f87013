import { intlLocale } from '../../../shared/i18n/index.ts'
import type { SitePublisher } from '../alliance/site-publisher.tsx'
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
  /** The alliance: site name and image of link previews. */
  publisher?: SitePublisher | undefined
  /** The same page in other languages (translations), as `<link rel="alternate" hreflang>`. */
  languages?: Array<{ hreflang: string; href: string }>
  /** The language of the page's content when it is not the interface's (a translation). */
  contentLocale?: string | undefined
}

/** Stylesheet, canonical link and the OpenGraph/Twitter tags that make shared links show title and summary. */
export function PublicHead({ ctx, title, description, url, type, publishedAt, modifiedAt, alternates = [], publisher, languages = [], contentLocale }: PublicHeadProps) {
  const text = description.length > 300 ? `${description.slice(0, 297).trimEnd()}…` : description
  return (
    <>
      <link rel="stylesheet" href="/assets/public.css" />
      <link rel="stylesheet" href="/assets/voice.css" />
      <link rel="canonical" href={url} />
      <meta name="description" content={text} />
      <meta property="og:type" content={type} />
      <meta property="og:site_name" content={publisher?.name || ctx.t('app.name')} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={text} />
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={contentLocale ? contentLocale.replace('-', '_') : intlLocale(ctx.locale).replace('-', '_')} />
      {publisher?.logo ? (
        <>
          <meta property="og:image" content={publisher.logo.url} />
          <meta property="og:image:width" content={String(publisher.logo.width)} />
          <meta property="og:image:height" content={String(publisher.logo.height)} />
          <meta property="og:image:alt" content={publisher.name || ctx.t('app.name')} />
        </>
      ) : null}
      {publishedAt !== undefined ? <meta property="article:published_time" content={new Date(publishedAt).toISOString()} /> : null}
      {modifiedAt !== undefined ? <meta property="article:modified_time" content={new Date(modifiedAt).toISOString()} /> : null}
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={text} />
      {publisher?.logo ? <meta name="twitter:image" content={publisher.logo.url} /> : null}
      {languages.map((l) => (
        <link rel="alternate" hreflang={l.hreflang} href={l.href} />
      ))}
      {alternates.map((a) => (
        <link rel="alternate" type={a.type} href={a.href} title={a.title} />
      ))}
    </>
  )
}
