import type { MessageKey, Translate } from '../../../shared/i18n/index.ts'
import type { Choice, Electorate, Majority, RoundKind } from '../../../shared/rules/choices.ts'

export const kindLabel = (t: Translate, kind: RoundKind) => t(`rounds.kind.${kind}` as MessageKey)
export const choiceLabel = (t: Translate, choice: Choice) => t(`rounds.choice.${choice}` as MessageKey)
export const choiceHint = (t: Translate, choice: Choice) => t(`rounds.choice.${choice}.hint` as MessageKey)
export const electorateLabel = (t: Translate, electorate: Electorate) => t(`rounds.electorate.${electorate}` as MessageKey)
export const majorityLabel = (t: Translate, majority: Majority) => t(`rounds.majority.${majority}` as MessageKey)
