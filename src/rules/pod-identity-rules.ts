import { podIdentityRoleCrossAccount } from './pod-identity-role-cross-account.js'
import type { Rule } from './rule.js'

export const podIdentityRules: Rule[] = [podIdentityRoleCrossAccount]
