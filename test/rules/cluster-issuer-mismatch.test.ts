import { check } from '../../src/check.js'
import { defaultConfig } from '../../src/config.js'
import type { Location } from '../../src/model/location.js'
import { known } from '../../src/model/value.js'
import { fixture, linesOf, ruleLines } from '../helpers.js'

const id = 'cluster-issuer-mismatch'
const PROD = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'
const OLD = 'oidc.eks.us-east-1.amazonaws.com/id/0D3C6B9A8F7E6D5C4B3A29180716F5E4'

describe(id, () => {
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

  it('says nothing on its fires variant without the clusters of its .irsa-guard.yml', async () => {
    expect(await ruleLines(id, 'fires')).toEqual([])
  })
})
