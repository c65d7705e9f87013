import { fail } from '../../shared/errors.ts'
import { verifyAuditChain } from '../audit/verify-audit.ts'
import type { CliContext } from './main.ts'

/** `verify-audit`: walks the audit log's hash chain; exit code 1 names the first break. */
export async function verifyAudit(args: string[], { deps, t, print }: CliContext): Promise<void> {
  if (args.length) fail('validation', t('cli.option_unknown', { option: args.join(' ') }))
  const result = verifyAuditChain(deps.db)
  const problem = result.problem
  if (!problem) {
    print(t('audit.verify.ok', { n: result.events, head: result.head ?? '–' }))
    return
  }
  if (problem.kind === 'changed') fail('conflict', t('audit.verify.changed', { id: problem.id }))
  if (problem.kind === 'inserted') fail('conflict', t('audit.verify.inserted', { id: problem.id }))
  fail('conflict', t('audit.verify.removed', { after: problem.afterId ?? '–', before: problem.beforeId }))
}
