import { oidcProviderAudienceMissing } from './oidc-provider-audience-missing.js'
import { oidcProviderMissing } from './oidc-provider-missing.js'
import { oidcProviderThumbprintFetched } from './oidc-provider-thumbprint-fetched.js'
import { oidcProviderThumbprintInvalid } from './oidc-provider-thumbprint-invalid.js'
import { oidcProviderUrlInvalid } from './oidc-provider-url-invalid.js'
import { podIdentityOverridesIrsa } from './pod-identity-overrides-irsa.js'
import { podIdentityTrustInvalid } from './pod-identity-trust-invalid.js'
import type { Rule } from './rule.js'

export const providerRules: Rule[] = [
  oidcProviderMissing,
  oidcProviderAudienceMissing,
  oidcProviderUrlInvalid,
  oidcProviderThumbprintInvalid,
  oidcProviderThumbprintFetched,
  podIdentityOverridesIrsa,
  podIdentityTrustInvalid,
]
