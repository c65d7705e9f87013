import { AdminLayout } from '../admin/admin-layout.tsx'
import { CheckboxField, FileField, FormError, PostForm, TextArea, TextField } from '../form/field.tsx'
import { formErrors, formView, type FormProblem, type FormValues } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'

export interface AllianceAdminPageProps {
  ctx: PageContext
  values: FormValues
  problem?: FormProblem | null | undefined
  logo: { url: string; width: number; height: number } | null
  logoProblem?: string | null | undefined
  maxLogoKb: number
  initiatives: Array<{ id: string; name: string; listed: boolean }>
  saved?: string | null | undefined
  /** The alliance's maximum of votes one person may carry (shown, or as entered when refused). */
  proxySettings: { values: FormValues; problem?: FormProblem | null | undefined }
}

/** /admin/alliance: the public profile, the logo and which initiatives are named publicly. */
export function AllianceAdminPage({ ctx, values, problem, logo, logoProblem, maxLogoKb, initiatives, saved, proxySettings }: AllianceAdminPageProps) {
  const { t } = ctx
  const names = ['name', 'description', 'website', 'contactEmail', 'pressContact', 'imprintUrl', 'imprintText', 'privacyUrl', 'privacyText']
  const form = formView({ prefix: 'alliance-', values, problem, fields: Object.fromEntries(names.map((n) => [n, `alliance-${n}`])) })
  const logoForm = formView({ prefix: 'alliance-', problem: logoProblem ? { message: logoProblem, field: 'logo' } : null, fields: { logo: 'alliance-logo' } })
  const listingForm = formView({ prefix: 'listed-', fields: {} })
  const proxyForm = formView({ prefix: 'proxy-', values: proxySettings.values, problem: proxySettings.problem, fields: { maxVotes: 'proxy-maxVotes' } })
  const errors = formErrors(form, logoForm, proxyForm)
  return (
    <AdminLayout ctx={ctx} section="alliance" title={t('alliance.admin.title')} errors={errors} success={saved}>
      <p>{t('alliance.admin.intro')}</p>
      <PostForm action="/admin/alliance" class="stack">
        <FormError form={form} />
        <TextField form={form} name="name" label={t('alliance.field.name')} required maxlength={200} />
        <TextArea form={form} name="description" label={t('alliance.field.description')} maxlength={1000} />
        <TextField form={form} name="website" label={t('alliance.field.website')} hint={t('alliance.hint.url')} maxlength={500} autocomplete="url" />
        <TextField form={form} name="contactEmail" type="email" label={t('alliance.field.contact')} maxlength={254} autocomplete="email" />
        <TextField form={form} name="pressContact" label={t('alliance.field.press')} hint={t('alliance.hint.press')} maxlength={300} />
        <fieldset>
          <legend>{t('alliance.imprint')}</legend>
          <p class="hint">{t('alliance.hint.legal')}</p>
          <TextField form={form} name="imprintUrl" label={t('alliance.field.legal_url')} maxlength={500} />
          <TextArea form={form} name="imprintText" label={t('alliance.field.legal_text')} maxlength={10000} />
        </fieldset>
        <fieldset>
          <legend>{t('alliance.privacy')}</legend>
          <p class="hint">{t('alliance.hint.legal')}</p>
          <TextField form={form} name="privacyUrl" label={t('alliance.field.legal_url')} maxlength={500} />
          <TextArea form={form} name="privacyText" label={t('alliance.field.legal_text')} maxlength={20000} />
        </fieldset>
        <div>
          <button type="submit">{t('alliance.admin.save')}</button>
        </div>
      </PostForm>

      <section aria-labelledby="logo-title">
        <h2 id="logo-title">{t('alliance.logo.title')}</h2>
        {logo ? <img class="alliance-logo-preview" src={logo.url} alt={t('alliance.logo.current')} width={logo.width} height={logo.height} /> : <p class="muted">{t('alliance.logo.none')}</p>}
        <form method="post" action="/admin/alliance/logo" enctype="multipart/form-data">
          <FileField form={logoForm} name="logo" accept="image/png,image/jpeg" required label={t('alliance.logo.label')} hint={t('alliance.logo.hint', { max: `${maxLogoKb} KB` })} />
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
                <CheckboxField form={listingForm} id={`listed-${i.id}`} name="listed" value={i.id} label={i.name} checked={i.listed} />
              ))}
            </fieldset>
            <div>
              <button type="submit">{t('alliance.listing.save')}</button>
            </div>
          </PostForm>
        )}
      </section>

      <section aria-labelledby="proxy-settings-title">
        <h2 id="proxy-settings-title">{t('proxies.settings.title')}</h2>
        <p>{t('proxies.settings.intro')}</p>
        <PostForm action="/admin/alliance/proxies" class="stack">
          <FormError form={proxyForm} />
          <TextField
            form={proxyForm}
            name="maxVotes"
            type="number"
            inputmode="numeric"
            min={1}
            max={100}
            step={1}
            required
            label={t('proxies.settings.max_votes')}
            hint={t('proxies.settings.max_votes_hint')}
          />
          <div>
            <button type="submit">{t('proxies.settings.save')}</button>
          </div>
        </PostForm>
      </section>
    </AdminLayout>
  )
}
