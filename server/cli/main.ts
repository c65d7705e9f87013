import { realpathSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { closeDatabase, openDatabase } from '../../db/connection.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { AppError } from '../../shared/errors.ts'
import { messageOf } from '../http/error-message.ts'
import { isLocale, translator, type Translate } from '../../shared/i18n/index.ts'
import { createAppContext } from '../app-context.ts'
import { configFromEnv } from '../config.ts'
import type { Deps } from '../deps.ts'
import { consoleLogger } from '../log.ts'
import { exportCommand, importCommand } from './archive.ts'
import { backup } from './backup.ts'
import { createAdminCommand } from './create-admin.ts'
import { demo } from './demo.ts'
import { languagesCommand } from './languages.ts'
import { verifyAudit } from './verify-audit.ts'

/** What every command gets: the migrated database with its deps, the operator's language, output. */
export interface CliContext {
  deps: Deps
  t: Translate
  print: (line: string) => void
}

/** A command reads its own arguments; it reports a mistake by throwing an AppError (exit code 1). */
export type Command = (args: string[], cli: CliContext) => Promise<void>

// One line per command; `npm run demo` runs `demo` from here too.
export const commands: Record<string, Command> = {
  'create-admin': createAdminCommand,
  backup,
  demo,
  export: exportCommand,
  import: importCommand,
  languages: languagesCommand,
  'verify-audit': verifyAudit,
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv
  print?: (line: string) => void
  printError?: (line: string) => void
  now?: () => number
}

/** The operator's language from LANG / LC_ALL (e.g. en_GB.UTF-8); German otherwise. */
function cliLocale(env: NodeJS.ProcessEnv) {
  const lang = (env.LC_ALL || env.LANG || '').slice(0, 2).toLowerCase()
  return isLocale(lang) ? lang : 'de'
}

/** Runs one command and tells the exit code; never calls process.exit itself (tests call this). */
export async function runCli(argv: string[], options: CliOptions = {}): Promise<number> {
  const env = options.env ?? process.env
  const print = options.print ?? ((line: string) => console.log(line))
  const printError = options.printError ?? ((line: string) => console.error(line))
  const t = translator(cliLocale(env))
  const [name, ...args] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    ;(name ? print : printError)(t('cli.usage'))
    return name ? 0 : 1
  }
  const command = commands[name]
  if (!command) {
    printError(t('cli.unknown_command', { command: name }))
    printError(t('cli.usage'))
    return 1
  }

  let deps: Deps | undefined
  try {
    const config = configFromEnv(env)
    const db = openDatabase(join(config.dataDir, 'sprachrohr.sqlite'), { synchronous: config.sqliteSynchronous })
    deps = createAppContext(config, db, { log: consoleLogger, now: options.now })
    await migrateToLatest(db)
    await command(args, { deps, t, print })
    return 0
  } catch (error) {
    if (error instanceof AppError) printError(t('cli.failed', { message: messageOf(t, error) }))
    else printError(t('cli.failed', { message: error instanceof Error ? (error.stack ?? error.message) : String(error) }))
    return 1
  } finally {
    if (deps) {
      await deps.renders.stop()
      closeDatabase(deps.db)
    }
  }
}

function invokedDirectly(): boolean {
  const script = process.argv[1]
  if (!script) return false
  try {
    return import.meta.url === pathToFileURL(realpathSync(resolve(script))).href
  } catch {
    return false
  }
}

if (invokedDirectly()) process.exitCode = await runCli(process.argv.slice(2))
