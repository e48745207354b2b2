import { conditionKeyInvalid } from './condition-key-invalid.js'
import { conditionKeyProviderMismatch } from './condition-key-provider-mismatch.js'
import { federatedPrincipalInvalid } from './federated-principal-invalid.js'
import { policyVariableWithoutVersion } from './policy-variable-without-version.js'
import type { Rule } from './rule.js'
import { trustPolicyInvalid } from './trust-policy-invalid.js'
import { trustPolicyTooLarge } from './trust-policy-too-large.js'
import { trustPolicyVersionMissing } from './trust-policy-version-missing.js'
import { webIdentityActionMissing } from './web-identity-action-missing.js'

export const trustPolicyRules: Rule[] = [
  trustPolicyInvalid,
  trustPolicyTooLarge,
  federatedPrincipalInvalid,
  webIdentityActionMissing,
  conditionKeyInvalid,
  conditionKeyProviderMismatch,
  policyVariableWithoutVersion,
  trustPolicyVersionMissing,
]
