import { chainRules } from './chain-rules.js'
import { conditionRules } from './condition-rules.js'
import { correlationRules } from './correlation-rules.js'
import { metaRules } from './meta-rules.js'
import { platformRules } from './platform-rules.js'
import { podIdentityRules } from './pod-identity-rules.js'
import { providerRules } from './provider-rules.js'
import type { Rule } from './rule.js'
import { serviceAccountRules } from './service-account-rules.js'
import { trustPolicyRules } from './trust-policy-rules.js'

export const allRules: readonly Rule[] = [
  ...serviceAccountRules,
  ...trustPolicyRules,
  ...conditionRules,
  ...correlationRules,
  ...providerRules,
  ...podIdentityRules,
  ...chainRules,
  ...platformRules,
  ...metaRules,
]

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id)
}
