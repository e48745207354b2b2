import { issuerHostPath, parseEksIssuerHostPath } from '../iam/arn.js'
import { sameUnitOrNone, type Cluster, type OidcProvider } from '../model/facts.js'
import { formatLocation } from '../model/location.js'
import type { Value } from '../model/value.js'
import type { Graph } from '../graph.js'
import type { Rule } from './rule.js'

/**
 * An IAM OIDC provider for an EKS issuer whose thumbprint Terraform fetches from the issuer when it
 * plans (`data "tls_certificate"`, or terraform-aws-eks `include_oidc_root_ca_thumbprint = true`).
 * IAM verifies the issuer's JWKS endpoint against its library of trusted root CAs and uses
 * thumbprints only for a certificate none of them signed (IAM API reference,
 * UpdateOpenIDConnectProviderThumbprint and CreateOpenIDConnectProvider; ThumbprintList optional
 * since 2024-10-30, aws/aws-sdk#563), so the fetch buys nothing, while it fails wherever the runner
 * cannot resolve oidc.eks.<region>.amazonaws.com, e.g. inside a VPC with the EKS interface endpoint
 * ("lookup oidc.eks.<region>.amazonaws.com ...: no such host", terraform-aws-modules/terraform-aws-eks
 * #3258, #3713). irsa-failure-modes.md A4: INFO.
 */
export const oidcProviderThumbprintFetched: Rule = {
  meta: {
    id: 'oidc-provider-thumbprint-fetched',
    level: 'note',
    description:
      'The thumbprint of an IAM OIDC provider for an EKS issuer is fetched from the issuer when Terraform plans (data "tls_certificate"): IAM does not use it for EKS issuers, and the fetch fails where the runner cannot reach the issuer.',
    remediation:
      'Remove the data "tls_certificate" and the thumbprint_list (terraform-aws-eks: include_oidc_root_ca_thumbprint = false); IAM verifies EKS issuers against its trusted root certificate authorities and fills in a thumbprint itself when none is given.',
  },
  *check(graph) {
    for (const provider of graph.facts.oidcProviders) {
      const fetch = provider.thumbprintFetch
      if (!fetch) continue
      const issuer = eksIssuerOf(fetch.url, provider, graph)
      if (issuer === undefined) continue
      yield {
        location: fetch.location,
        message:
          `${fetch.label} fetches the certificate of ${issuer} whenever Terraform plans, for the thumbprint of the IAM OIDC provider ${provider.terraform?.address ?? `at ${formatLocation(provider.location)}`}; ` +
          'IAM does not use thumbprints for EKS issuers (it verifies them against its trusted root certificate authorities and fills in a thumbprint itself when none is given), ' +
          'and the fetch fails where the runner cannot reach the issuer ("no such host" inside a VPC with the EKS endpoint, or without internet access); ' +
          (fetch.label.endsWith('= true')
            ? 'set include_oidc_root_ca_thumbprint = false'
            : // thumbprint_list became optional in the aws provider with hashicorp/terraform-provider-aws#37255 (December 2024).
              'remove the data source and the thumbprint_list (optional in the aws provider since December 2024; with an older provider, write the thumbprint as a literal)'),
        key: `oidc-provider-thumbprint-fetched ${formatLocation(fetch.location)}`,
      }
    }
  },
}

/** How the message names the fetched URL when it is an EKS issuer; undefined for any other URL or one not known. */
function eksIssuerOf(url: Value, provider: OidcProvider, graph: Graph): string | undefined {
  if (url.kind === 'known') return parseEksIssuerHostPath(issuerHostPath(url.value.trim())) ? url.value : undefined
  const cluster = graph.facts.clusters.find(
    (candidate) => sameUnitOrNone(candidate.unit, provider.unit) && derivedFrom(url.expression, candidate),
  )
  if (!cluster) {
    // The attribute is the EKS issuer even where the scan lacks the block (another file, an undeclared data source).
    const named = EKS_CLUSTER_ISSUER.exec(url.expression)
    return named ? `the issuer of ${named[1]}` : undefined
  }
  return cluster.name.kind === 'known'
    ? `the issuer of cluster ${cluster.name.value}`
    : `the issuer of the cluster at ${formatLocation(cluster.location)}`
}

/** `aws_eks_cluster.<name>.identity[0].oidc[0].issuer`, of the resource or the data source. */
const EKS_CLUSTER_ISSUER =
  /(?<![\w.])((?:data\.)?aws_eks_cluster\.[\w-]+(?:\[[^\]]*\])?)\.identity(?:\[0\]|\.0)\.oidc(?:\[0\]|\.0)\.issuer/

/** The expression reads one of the references that stand for the cluster's issuer. */
function derivedFrom(expression: string, cluster: Cluster): boolean {
  return (cluster.oidcReferences ?? []).some((reference) => {
    const at = expression.indexOf(reference)
    return at >= 0 && !/[\w-]/.test(expression.charAt(at + reference.length))
  })
}
