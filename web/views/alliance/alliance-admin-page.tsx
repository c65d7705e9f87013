import { AdminLayout } from '../admin/admin-layout.tsx'
import { Checkbox, PostForm, TextArea, TextField, type FormProblem, type FormValues } from '../admin/form-fields.tsx'
import { pageErrors } from '../error-summary.tsx'
import { ErrorNotice, type PageContext } from '../layout.tsx'

export interface AllianceAdminPageProps {
  ctx: PageContext
  values: FormValues
  problem?: FormProblem | null | undefined
  logo: { url: string; width: number; height: number } | null
  logoProblem?: string | null | undefined
  maxLogoKb: number
  initiatives: Array<{ id: string; name: string; listed: boolean }>
  saved?: string | null | undefined
}

/** /admin/alliance: the public profile, the logo and which initiatives are named publicly. */
export function AllianceAdminPage({ ctx, values, problem, logo, logoProblem, maxLogoKb, initiatives, saved }: AllianceAdminPageProps) {
  const { t } = ctx
  const field = (name: string) => `alliance-${name}`
  const errors = [
    ...pageErrors(problem ?? null, problem?.field ? { [problem.field]: field(problem.field) } : {}),
    ...pageErrors(logoProblem ? { message: logoProblem, field: 'logo' } : null, { logo: 'alliance-logo' }),
  ]
  return (
    <AdminLayout ctx={ctx} section="alliance" title={t('alliance.admin.title')} errors={errors} success={saved}>
      <p>{t('alliance.admin.intro')}</p>
      <PostForm action="/admin/alliance" class="stack">
        <ErrorNotice message={problem?.message} />
        <TextField id={field('name')} name="name" label={t('alliance.field.name')} values={values} problem={problem} required maxlength={200} />
        <TextArea id={field('description')} name="description" label={t('alliance.field.description')} values={values} problem={problem} maxlength={1000} />
        <TextField id={field('website')} name="website" label={t('alliance.field.website')} hint={t('alliance.hint.url')} values={values} problem={problem} maxlength={500} autocomplete="url" />
        <TextField id={field('contactEmail')} name="contactEmail" type="email" label={t('alliance.field.contact')} values={values} problem={problem} maxlength={254} autocomplete="email" />
        <TextField id={field('pressContact')} name="pressContact" label={t('alliance.field.press')} hint={t('alliance.hint.press')} values={values} problem={problem} maxlength={300} />
        <fieldset>
          <legend>{t('alliance.imprint')}</legend>
          <p class="hint">{t('alliance.hint.legal')}</p>
          <TextField id={field('imprintUrl')} name="imprintUrl" label={t('alliance.field.legal_url')} values={values} problem={problem} maxlength={500} />
          <TextArea id={field('imprintText')} name="imprintText" label={t('alliance.field.legal_text')} values={values} problem={problem} maxlength={10000} />
        </fieldset>
        <fieldset>
          <legend>{t('alliance.privacy')}</legend>
          <p class="hint">{t('alliance.hint.legal')}</p>
          <TextField id={field('privacyUrl')} name="privacyUrl" label={t('alliance.field.legal_url')} values={values} problem={problem} maxlength={500} />
          <TextArea id={field('privacyText')} name="privacyText" label={t('alliance.field.legal_text')} values={values} problem={problem} maxlength={20000} />
        </fieldset>
        <div>
          <button type="submit">{t('alliance.admin.save')}</button>
        </div>
      </PostForm>

      <section aria-labelledby="logo-title">
        <h2 id="logo-title">{t('alliance.logo.title')}</h2>
        {logo ? <img class="alliance-logo-preview" src={logo.url} alt={t('alliance.logo.current')} width={logo.width} height={logo.height} /> : <p class="muted">{t('alliance.logo.none')}</p>}
        <form method="post" action="/admin/alliance/logo" enctype="multipart/form-data">
          <ErrorNotice message={logoProblem} />
          <div class="field">
            <label for="alliance-logo">{t('alliance.logo.label')}</label>
            <p class="hint" id="alliance-logo-hint">
              {t('alliance.logo.hint', { max: `${maxLogoKb} KB` })}
            </p>
            <input id="alliance-logo" name="logo" type="file" accept="image/png,image/jpeg" required aria-describedby="alliance-logo-hint" aria-invalid={logoProblem ? 'true' : undefined} />
          </div>
          <div>
            <button type="submit">{t('alliance.logo.upload')}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="listing-title">
        <h2 id="listing-title">{t('alliance.listing.title')}</h2>
        <p>{t('alliance.listing.intro')}</p>
        {initiatives.length === 0 ? (
          <p class="muted">{t('alliance.listing.none')}</p>
        ) : (
          <PostForm action="/admin/alliance/listing">
            <fieldset>
              <legend>{t('alliance.listing.legend')}</legend>
              {initiatives.map((i) => (
                <Checkbox id={`listed-${i.id}`} name="listed" value={i.id} label={i.name} checked={i.listed} />
              ))}
            </fieldset>
            <div>
              <button type="submit">{t('alliance.listing.save')}</button>
            </div>
          </PostForm>
        )}
      </section>
    </AdminLayout>
  )
}
