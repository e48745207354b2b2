import { check } from '../../src/check.js'
import { loadConfig } from '../../src/config-file.js'
import { defaultConfig } from '../../src/config.js'
import type { Location } from '../../src/model/location.js'
import { known } from '../../src/model/value.js'
import { fixture, linesOf, ruleLines } from '../helpers.js'

const id = 'cluster-issuer-mismatch'
const PROD = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'
const OLD = 'oidc.eks.us-east-1.amazonaws.com/id/0D3C6B9A8F7E6D5C4B3A29180716F5E4'
const STAGING = 'oidc.eks.eu-west-1.amazonaws.com/id/9A8B7C6D5E4F30211203F4E5D6C7B8A9'
const STAGING_WRONG = 'oidc.eks.eu-west-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'

async function configOf(variant: string) {
  const root = fixture('rules', id, variant)
  return loadConfig({ root, cwd: root })
}

describe(id, () => {
  it("reports trust issuers that are not the configured cluster's of that region and account", async () => {
    expect(await ruleLines(id, 'fires', await configOf('fires'))).toEqual([
      // a Federated reference: the condition key carries the issuer
      `cfn/batch.json:24:19: error: role batch's trust tests the condition key "${OLD}:sub" of issuer ${OLD}, which is not the issuer of cluster prod (issuer https://${PROD}, .irsa-guard.yml:2); change the key to "${PROD}:sub" [${id}]`,
      `iam/orders-reader-trust.json:7:22: error: role orders-reader's trust names the OIDC provider of issuer ${OLD}, which is not the issuer of cluster prod (issuer https://${PROD}, .irsa-guard.yml:2); change it to "arn:aws:iam::406214073512:oidc-provider/${PROD}" and the condition keys to "${PROD}:sub" and ":aud" [${id}]`,
      `iam/staging/orders-reader.json:14:26: error: role orders-reader's trust names the OIDC provider of issuer ${STAGING_WRONG}, which is not the issuer of cluster staging (issuer https://${STAGING}, .irsa-guard.yml:6); change it to "arn:aws:iam::731843002219:oidc-provider/${STAGING}" and the condition keys to "${STAGING}:sub" and ":aud" [${id}]`,
    ])
  })

  it('reports an OIDC provider URL that is not the issuer of the cluster the sources know', async () => {
    // Facts as the Terraform source and live AWS (DescribeCluster) would add them to the graph.
    const root = fixture('rules', id, 'fires-provider')
    const at = (line: number, column: number): Location => ({ path: 'terraform/eks.tf', line, column })
    const result = await check({
      root,
      config: defaultConfig(),
      extraFacts: {
        clusters: [
          {
            source: 'live',
            location: at(1, 1),
            name: known('prod', at(2, 14)),
            region: known('us-east-1', at(1, 1)),
            account: known('406214073512', at(1, 1)),
            issuer: known(`https://${PROD}`, at(1, 1)),
          },
        ],
        oidcProviders: [
          {
            source: 'terraform',
            location: at(6, 1),
            url: known(`https://${OLD}`, at(7, 20)),
            clientIds: [known('sts.amazonaws.com', at(8, 21))],
            clientIdsLocation: at(8, 20),
            arnReferences: ['aws_iam_openid_connect_provider.eks.arn'],
          },
        ],
      },
    })
    expect(linesOf(result, id)).toEqual([
      `terraform/eks.tf:7:20: error: OIDC provider (terraform/eks.tf:6) has URL "https://${OLD}", which is not the issuer of cluster prod (issuer https://${PROD}, terraform/eks.tf:1); change the URL to "https://${PROD}" [${id}]`,
    ])
  })

  it('says nothing when no cluster is known', async () => {
    expect(await ruleLines(id, 'fires')).toEqual([])
  })

  it("stays silent on the clusters' issuers, cross-account providers, other accounts' clusters and regions without a known cluster", async () => {
    expect(await ruleLines(id, 'silent', await configOf('silent'))).toEqual([])
  })
})
