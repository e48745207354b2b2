import { ruleLines } from '../helpers.js'

const id = 'oidc-provider-missing'
const ACCOUNT = '406214073512'
const PROD = 'oidc.eks.eu-west-1.amazonaws.com/id/9C4B2E7F1A3D5C6B8E0F2A4C6E8B1D3F'
const STAGING = 'oidc.eks.eu-west-1.amazonaws.com/id/0D2F4A6C8E1B3D5F7A9C2E4B6D8F0A1C'
const DR = 'oidc.eks.eu-central-1.amazonaws.com/id/7E1A3C5B9D2F4A6C8E0B1D3F5A7C9E2B'
const OLD_PROD = 'oidc.eks.eu-west-1.amazonaws.com/id/3A5C7E9B1D2F4A6C8E0B2D4F6A8C1E3B'
const NOT_FOUND = 'STS answers "InvalidIdentityToken: No OpenIDConnect provider found in your account" unless it exists outside the scanned sources'
const create = (account: string, issuer: string) => `create it in account ${account} (url "https://${issuer}", client ID "sts.amazonaws.com")`

describe(id, () => {
  it('reports trusts naming a provider the sources do not define among the providers they do define', async () => {
    const defined = `${PROD} (infra/oidc-providers.tf:3), ${STAGING} (infra/oidc-providers.tf:8)`
    expect(await ruleLines(id, 'fires')).toEqual([
      `infra/roles.tf:13:33: warning: Role payments-ledger-dr's trust names the OIDC provider for ${DR} in account ${ACCOUNT}, which no scanned source defines, although they define the OIDC providers ${defined}; ${NOT_FOUND}; ${create(ACCOUNT, DR)} [${id}]`,
      `infra/roles.tf:32:33: warning: Role payments-reports's trust names the OIDC provider for ${OLD_PROD} in account ${ACCOUNT}, which no scanned source defines, although they define the OIDC providers ${defined}; ${NOT_FOUND}; ${create(ACCOUNT, OLD_PROD)}, or name the provider of the cluster the role serves [${id}]`,
    ])
  })

  it('reports a trust naming the issuer of a cluster the sources define without its provider (Terraform plan)', async () => {
    expect(await ruleLines(id, 'fires-cluster-plan')).toEqual([
      `infra/dr/plan.json:143:11: warning: Role payments-ledger-dr's trust names the OIDC provider for ${DR} in account ${ACCOUNT}; cluster payments-dr (infra/dr/plan.json:65) has that issuer, but the scanned sources define no OIDC provider for it; ${NOT_FOUND}; ${create(ACCOUNT, DR)} [${id}]`,
    ])
  })

  it("reports a trust naming the provider in the role's account when the sources define it only in the cluster's account (Terraform plans)", async () => {
    const workload = '617283940516'
    expect(await ruleLines(id, 'fires-cross-account-plan')).toEqual([
      `workload-account/plan.json:68:11: warning: Role payments-billing's trust names the OIDC provider for ${PROD} in account ${workload}, but the scanned sources define the provider for that issuer only in account ${ACCOUNT} (cluster-account/plan.json:34), and IAM uses only a provider of the role's own account; ${NOT_FOUND}; ${create(workload, PROD)} [${id}]`,
    ])
  })

  it('stays silent for defined providers named by ARN or by reference, and for providers of other identity providers', async () => {
    expect(await ruleLines(id, 'silent')).toEqual([])
  })

  it('stays silent when a defined provider is known only at apply time (it may be the one the trust names)', async () => {
    expect(await ruleLines(id, 'silent-apply-time')).toEqual([])
  })
})
