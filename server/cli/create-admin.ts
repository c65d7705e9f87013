import { parseArgs } from 'node:util'
import { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import { createAdmin } from '../auth/create-admin.ts'
import type { CliContext } from './main.ts'

const Options = z
  .object({
    email: z.string().max(320),
    name: z.string().max(200),
    password: z.string().max(1024),
  })
  .strict()

/** `create-admin --email … --name … --password …`: an admin without going through the browser. */
export async function createAdminCommand(args: string[], { deps, t, print }: CliContext): Promise<void> {
  let values: Record<string, unknown>
  try {
    values = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    // parseArgs names the offending option in its (English) message, e.g. "Unknown option '--mail'".
    const message = error instanceof Error ? error.message : String(error)
    const option = /'(-[^' ]*)/.exec(message)?.[1] ?? message
    if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      fail('validation', t('cli.option_missing', { option: option.replace(/^--/, '') }))
    fail('validation', t('cli.option_unknown', { option }))
  }
  const parsed = Options.safeParse(values)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const option = issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '?')
    if (issue.code === 'invalid_type' && issue.input === undefined) fail('validation', t('cli.option_missing', { option }), option)
    fail('validation', t('cli.option_invalid', { option, detail: issue.message }), option)
  }
  const person = await createAdmin(deps, parsed.data)
  print(t('cli.admin_created', { name: person.name, email: person.email, url: deps.config.publicUrl }))
}
