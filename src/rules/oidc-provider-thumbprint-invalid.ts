import type { Rule } from './rule.js'
import { formatLocation } from '../model/location.js'

/**
 * A thumbprint of an IAM OIDC provider that is not 40 hexadecimal characters, the SHA-1 fingerprint
 * IAM expects (the Terraform AWS provider validates `thumbprint_list` entries with
 * `validation.StringLenBetween(40, 40)`, internal/service/iam/openid_connect_provider.go). Only a
 * note: IAM checks EKS issuers against its trusted root CAs, not thumbprints, since 2023, and
 * ThumbprintList is optional since 2024 (irsa-failure-modes.md A4), so a well-formed thumbprint is
 * never reported.
 */
export const oidcProviderThumbprintInvalid: Rule = {
  meta: {
    id: 'oidc-provider-thumbprint-invalid',
    level: 'note',
    description:
      'A thumbprint of an IAM OIDC provider that is not 40 hexadecimal characters (a SHA-1 fingerprint), which IAM and the Terraform AWS provider refuse.',
    remediation:
      'Remove the thumbprint (IAM verifies EKS issuers against its trusted root CAs and fetches a thumbprint itself when none is given), or write the 40-character SHA-1 fingerprint.',
  },
  *check(graph) {
    for (const provider of graph.facts.oidcProviders) {
      for (const thumbprint of provider.thumbprints ?? []) {
        if (thumbprint.kind !== 'known' || /^[0-9a-fA-F]{40}$/.test(thumbprint.value)) continue
        const what =
          thumbprint.value.length === 40
            ? 'is 40 characters but not hexadecimal, so it is the SHA-1 fingerprint of no certificate'
            : `is ${thumbprint.value.length} characters, not the 40 hexadecimal characters of a SHA-1 fingerprint, so IAM refuses it (the Terraform AWS provider already at plan)`
        yield {
          location: thumbprint.location,
          message: `Thumbprint "${thumbprint.value}" of the IAM OIDC provider ${provider.terraform?.address ?? `at ${formatLocation(provider.location)}`} ${what}; remove it, since IAM verifies EKS issuers against its trusted root certificate authorities and fetches a thumbprint itself when none is given, or write the 40-character fingerprint`,
          key: `oidc-provider-thumbprint ${formatLocation(provider.location)} ${thumbprint.value}`,
        }
      }
    }
  },
}
