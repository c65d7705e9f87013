import type { Actor } from '../../shared/policy.ts'
import { setInitiativeListing } from '../alliance/initiative-listing.ts'
import { updateAlliance } from '../alliance/update-alliance.ts'
import { uploadLogo } from '../alliance/upload-logo.ts'
import type { Deps } from '../deps.ts'
import { addTranslation } from '../translations/add-translation.ts'
import { publishTranslation } from '../translations/publish-translation.ts'
import { demoLogoPng } from './demo-logo.ts'

/**
 * The demo alliance's public voice: its profile and logo, the initiatives that agreed to be
 * named, and the published position in Arabic and Ukrainian, so a visitor of /p sees at once who
 * speaks, how to reach them, and the text in the languages of the people it concerns.
 */
export function createDemoVoice(deps: Deps, admin: Actor, spokesperson: Actor, publishedPositionId: string, listedInitiativeIds: string[]): void {
  updateAlliance(deps, admin, {
    name: 'Bündnis Bleiberecht Niedersachsen',
    description: 'Ein Zusammenschluss von Initiativen der Geflüchtetenhilfe in Niedersachsen. Wir sprechen gemeinsam mit Politik und Presse.',
    website: 'https://bleiberecht-niedersachsen.example',
    contactEmail: 'kontakt@bleiberecht-niedersachsen.example',
    pressContact: 'Thomas Krüger, presse@bleiberecht-niedersachsen.example',
    imprintUrl: '',
    imprintText: 'Bündnis Bleiberecht Niedersachsen\nc/o Flüchtlingshilfe Osnabrück e. V.\nMusterstraße 1\n49074 Osnabrück\n\nVerantwortlich: Sabine Hoffmann',
    privacyUrl: '',
    privacyText: 'Die öffentlichen Seiten setzen keine Cookies und speichern keine Daten über Besucherinnen und Besucher.\n\nAngemeldete Mitglieder: Wir speichern Name, E-Mail-Adresse und Beiträge, solange die Mitgliedschaft besteht.',
  })
  uploadLogo(deps, admin, demoLogoPng())
  for (const id of listedInitiativeIds) setInitiativeListing(deps, admin, id, true)

  const arabic = addTranslation(deps, spokesperson, publishedPositionId, {
    language: 'ar',
    title: 'هيئة شكاوى مستقلة لمراكز الإيواء',
    summary: 'يطالب التحالف بهيئة شكاوى مستقلة لجميع مراكز الإيواء.',
    text: [
      'ما الأمر',
      'من يعيش في مركز إيواء يحتاج إلى جهة يمكنه التوجه إليها دون خوف.',
      'مطالبنا',
      'هيئة شكاوى لا تتبع الجهة المشغّلة.\nاستشارة بلغات السكان.',
    ].join('\n\n'),
  })
  publishTranslation(deps, spokesperson, arabic.id)
  const ukrainian = addTranslation(deps, spokesperson, publishedPositionId, {
    language: 'uk',
    title: 'Незалежний орган скарг для місць проживання',
    summary: 'Альянс вимагає незалежного органу скарг для всіх місць проживання біженців.',
    text: [
      'Про що йдеться',
      'Хто живе в гуртожитку для біженців, потребує місця, куди можна звернутися без страху.',
      'Наші вимоги',
      'Орган скарг, незалежний від оператора.\nКонсультації мовами мешканців.',
    ].join('\n\n'),
  })
  publishTranslation(deps, spokesperson, ukrainian.id)
}
