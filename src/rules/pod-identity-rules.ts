import { podIdentityAgentMissing } from './pod-identity-agent-missing.js'
import { podIdentityChainTagSessionMissing } from './pod-identity-chain-tag-session-missing.js'
import { podIdentityNodeRoleMissing } from './pod-identity-node-role-missing.js'
import { podIdentityIrsaTrustLeftover } from './pod-identity-irsa-trust-leftover.js'
import { podIdentityRoleCrossAccount } from './pod-identity-role-cross-account.js'
import { podIdentityTrustConditionMismatch } from './pod-identity-trust-condition-mismatch.js'
import { podIdentityTrustOpen } from './pod-identity-trust-open.js'
import type { Rule } from './rule.js'

export const podIdentityRules: Rule[] = [
  podIdentityRoleCrossAccount,
  podIdentityTrustConditionMismatch,
  podIdentityTrustOpen,
  podIdentityAgentMissing,
  podIdentityNodeRoleMissing,
  podIdentityIrsaTrustLeftover,
  podIdentityChainTagSessionMissing,
]
