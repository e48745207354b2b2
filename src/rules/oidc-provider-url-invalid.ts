import type { OidcProvider } from '../model/facts.js'
import type { FindingDraft } from '../model/finding.js'
import { formatLocation } from '../model/location.js'
import type { KnownValue, SymbolicValue } from '../model/value.js'
import type { Rule } from './rule.js'
import { analyseEksIssuer, hostOf, looksLikeEksIssuer, symbolicIssuerUrl } from './helpers/eks-issuer.js'

/**
 * The URL of an IAM OIDC provider, which must equal the `iss` claim of the tokens it accepts
 * (irsa-failure-modes.md A2, A6, M5). What certainly breaks:
 * - not `https://`: IAM's CreateOpenIDConnectProvider ("The URL must begin with https://") and the
 *   Terraform AWS provider (`validOpenIDURL`, internal/service/iam/validate.go: "has to use HTTPS
 *   scheme") refuse it; IAM's API returns the URL without the scheme, so only configured URLs
 *   (Terraform, CloudFormation) are held to it;
 * - a query: refused by both ("query parameters are not" allowed; "cannot contain query parameters");
 * - a trailing "/" on an EKS issuer, whose tokens never end in one: the provider is another issuer;
 * - the dual-stack host `oidc-eks.<region>.api.aws`: EKS tokens carry the `oidc.eks.` issuer.
 * A port is left alone: eksctl creates its providers with ":443" appended (pkg/iam/oidc/api.go,
 * eksctl v0.230.0) and they work, so IAM evidently drops the default port.
 */
export const oidcProviderUrlInvalid: Rule = {
  meta: {
    id: 'oidc-provider-url-invalid',
    level: 'error',
    description:
      'An IAM OIDC provider\'s URL that no EKS token\'s issuer equals, or that IAM refuses: not https://, a query, a trailing "/" after an EKS issuer, the dual-stack host oidc-eks.<region>.api.aws.',
    remediation:
      'Write the cluster\'s issuer exactly: "https://oidc.eks.<region>.amazonaws.com/id/<ID>" (aws eks describe-cluster --query cluster.identity.oidc.issuer; terraform-aws-eks: module.<name>.cluster_oidc_issuer_url).',
  },
  *check(graph) {
    for (const provider of graph.facts.oidcProviders) {
      const url = provider.url
      if (!url) continue
      const finding = url.kind === 'known' ? knownUrlProblem(provider, url) : symbolicUrlProblem(provider, url)
      if (finding) yield finding
    }
  },
}

function knownUrlProblem(provider: OidcProvider, url: KnownValue): FindingDraft | undefined {
  const text = url.value.trim()
  const written = `The URL "${url.value}" of the IAM OIDC provider ${providerName(provider)}`
  const key = `oidc-provider-url ${formatLocation(provider.location)} ${url.value}`
  const eks = looksLikeEksIssuer(text)
  const dualStack = eks ? analyseEksIssuer(text).problems.find((problem) => problem.includes('dual-stack')) : undefined
  if (dualStack !== undefined) {
    const corrected = analyseEksIssuer(text).corrected
    return {
      location: url.location,
      message: `${written} ${dualStack}, so STS finds no provider for them ("InvalidIdentityToken: No OpenIDConnect provider found in your account"); write ${corrected ? `"https://${corrected}"` : "the cluster's issuer (aws eks describe-cluster --query cluster.identity.oidc.issuer)"}`,
      key,
    }
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]
  if (scheme !== undefined && scheme.toLowerCase() !== 'https') {
    return {
      location: url.location,
      message: `${written} starts with "${scheme}://", but IAM accepts only "https://" provider URLs (CreateOpenIDConnectProvider; the Terraform AWS provider refuses it too); write "https://${text.slice(scheme.length + 3)}"`,
      key,
    }
  }
  if (scheme === undefined && (provider.source === 'terraform' || provider.source === 'cloudformation') && eks) {
    return {
      location: url.location,
      message: `${written} has no "https://", which IAM requires of the URL it is created with (CreateOpenIDConnectProvider; the Terraform AWS provider refuses it too); write "https://${text}"`,
      key,
    }
  }
  const query = text.indexOf('?')
  if (query !== -1) {
    return {
      location: url.location,
      message: `${written} has a query ("${text.slice(query)}"), which IAM refuses in a provider URL and no token issuer has; write "${text.slice(0, query)}"`,
      key,
    }
  }
  if (eks && text.endsWith('/') && hostOf(text) !== text.replace(/^https:\/\//i, '')) {
    const trimmed = text.replace(/\/+$/, '')
    return {
      location: url.location,
      message: `${written} ends with "/", but EKS tokens name "${trimmed}" as their issuer, and IAM keeps the "/" in the provider's identity, so STS finds no provider for them ("InvalidIdentityToken: No OpenIDConnect provider found in your account"); write "${trimmed}"`,
      key,
    }
  }
  return undefined
}

/** A URL known only at apply time that is the dual-stack issuer (terraform-aws-eks `cluster_dualstack_oidc_issuer_url`). */
function symbolicUrlProblem(provider: OidcProvider, url: SymbolicValue): FindingDraft | undefined {
  if (!symbolicIssuerUrl(url.expression)?.dualStack) return undefined
  const shown = url.expression.includes('${') ? `"${url.expression}"` : `\${${url.expression}}`
  return {
    location: url.location,
    message: `The URL ${shown} of the IAM OIDC provider ${providerName(provider)} is the cluster's dual-stack issuer (oidc-eks.<region>.api.aws), but EKS tokens carry the issuer "https://oidc.eks.<region>.amazonaws.com/id/<ID>", so STS finds no provider for them ("InvalidIdentityToken: No OpenIDConnect provider found in your account"); write the cluster's issuer (terraform-aws-eks: module.<name>.cluster_oidc_issuer_url; aws_eks_cluster.<name>.identity[0].oidc[0].issuer)`,
    key: `oidc-provider-url ${formatLocation(provider.location)} ${url.expression}`,
  }
}

function providerName(provider: OidcProvider): string {
  return provider.terraform?.address ?? `at ${formatLocation(provider.location)}`
}
