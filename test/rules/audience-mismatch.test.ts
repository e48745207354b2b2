import { check } from '../../src/check.js'
import { defaultConfig } from '../../src/config.js'
import type { Location } from '../../src/model/location.js'
import { known } from '../../src/model/value.js'
import { fixture, linesOf } from '../helpers.js'

const id = 'audience-mismatch'
const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'

describe(id, () => {
  it('reports annotated audiences missing from the client IDs of the provider the trust names', async () => {
    // The OIDC provider as the Terraform source or live AWS would add it to the graph.
    const root = fixture('rules', id, 'fires-provider')
    const at = (line: number, column: number): Location => ({ path: 'terraform/oidc.tf', line, column })
    const result = await check({
      root,
      config: defaultConfig(),
      extraFacts: {
        oidcProviders: [
          {
            source: 'terraform',
            location: at(1, 1),
            url: known(`https://${ISSUER}`, at(2, 20)),
            clientIds: [known('sts.amazonaws.com', at(3, 21))],
            clientIdsLocation: at(3, 20),
            arnReferences: ['aws_iam_openid_connect_provider.eks.arn'],
          },
        ],
      },
    })
    expect(linesOf(result, id)).toEqual([
      `k8s/service-accounts.yaml:8:33: error: ServiceAccount vault/agent (k8s/service-accounts.yaml:7) sets eks.amazonaws.com/audience "vault", but OIDC provider https://${ISSUER} (terraform/oidc.tf:3), which role vault-agent's trust names, lists only the client IDs "sts.amazonaws.com", so STS answers "Incorrect token audience"; add "vault" to the provider's client IDs, or remove the annotation (tokens then carry the default "sts.amazonaws.com") [${id}]`,
    ])
  })
})
