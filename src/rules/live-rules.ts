import { liveCheckIncomplete } from './live-check-incomplete.js'
import { liveClusterIssuerMismatch } from './live-cluster-issuer-mismatch.js'
import { liveOidcProviderAudienceMissing } from './live-oidc-provider-audience-missing.js'
import { liveOidcProviderMissing } from './live-oidc-provider-missing.js'
import { liveRoleMissing } from './live-role-missing.js'
import { liveRoleWithoutPermissions } from './live-role-without-permissions.js'
import { liveTrustDeniesServiceAccount } from './live-trust-denies-service-account.js'
import { liveTrustDrift } from './live-trust-drift.js'
import type { Rule } from './rule.js'

/** The rules about what live confirmation read from AWS; they run only when it ran (check's `extraRules`). */
export const liveRules: readonly Rule[] = [
  liveRoleMissing,
  liveTrustDeniesServiceAccount,
  liveTrustDrift,
  liveOidcProviderMissing,
  liveOidcProviderAudienceMissing,
  liveClusterIssuerMismatch,
  liveRoleWithoutPermissions,
  liveCheckIncomplete,
]
