import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { Layout, type PageContext } from '../layout.tsx'
import { PublicHead } from '../public/public-head.tsx'
import type { SitePublisher } from './site-publisher.tsx'

/** /impressum and /datenschutz when the alliance keeps them here: a short text, paragraphs kept. */
export function LegalPage({ ctx, publisher, title, text, url }: { ctx: PageContext; publisher: SitePublisher; title: string; text: string; url: string }) {
  return (
    <Layout ctx={ctx} title={title} publisher={publisher} head={<PublicHead ctx={ctx} publisher={publisher} title={title} description={title} url={url} type="website" />}>
      <h1>{title}</h1>
      <div class="legal-text" lang={CONTENT_LOCALE}>
        {text
          .split(/\n\s*\n/)
          .map((block) => block.trim())
          .filter(Boolean)
          .map((block) => (
            <p>
              {block.split('\n').map((line, i) => (
                <>
                  {i > 0 ? <br /> : null}
                  {line}
                </>
              ))}
            </p>
          ))}
      </div>
    </Layout>
  )
}
