import type { PageContext } from '../layout.tsx'

export interface DownloadLinksProps {
  ctx: PageContext
  /** The address without extension, e.g. `/positions/x/versions/2` (adds `.docx`, `.md`). */
  base: string
  /** The file name without extension, offered to the browser's save dialog. */
  fileName: string
  /** Also offer the PDF at `${base}.pdf`. */
  pdf?: boolean
  /** What the files hold, for screen readers and the heading-less list, e.g. "Fassung 2". */
  label: string
}

/** "Herunterladen: als Word-Datei (.docx) · als Markdown (.md)": the text of a page as a file. */
export function DownloadLinks({ ctx, base, fileName, pdf, label }: DownloadLinksProps) {
  const { t } = ctx
  return (
    <p class="downloads no-print">
      <span>
        {t('exchange.download')} ({label}):
      </span>{' '}
      <a href={`${base}.docx`} download={`${fileName}.docx`}>
        {t('exchange.download_docx')}
      </a>
      {' · '}
      <a href={`${base}.md`} download={`${fileName}.md`}>
        {t('exchange.download_md')}
      </a>
      {pdf ? (
        <>
          {' · '}
          <a href={`${base}.pdf`} type="application/pdf" download={`${fileName}.pdf`}>
            {t('exchange.download_pdf')}
          </a>
        </>
      ) : null}
    </p>
  )
}
