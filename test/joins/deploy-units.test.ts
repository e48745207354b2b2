import type { CheckResult } from '../../src/check.js'
import { knownString } from '../../src/model/value.js'
import { fixture, linesOf, scan } from '../helpers.js'

const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/5E1F0C7A9B2D4E6F8A1B3C5D7E9F0A2B'

/** Each ServiceAccount with its deploy unit and the roles its annotation joins. */
function links(result: CheckResult): string[] {
  return result.graph.facts.serviceAccounts.map((sa) => {
    const roles = result.graph
      .rolesOf(sa)
      .map((link) => `${link.role.label} (${link.role.unit ?? 'no unit'}) by ${link.via}`)
    return `${knownString(sa.namespace)}/${knownString(sa.name)} in ${sa.unit ?? 'no unit'} -> ${roles.join(', ') || 'nothing'}`
  })
}

function run(...parts: string[]): Promise<CheckResult> {
  return scan(fixture('joins', 'units', ...parts))
}

describe('two Terraform environments calling the same module under the same name', () => {
  it('join each ServiceAccount to the role of its own root module only', async () => {
    expect(links(await run('terraform-environments', 'silent'))).toEqual([
      'dev/app in terraform envs/dev -> module.app_irsa.aws_iam_role.this (terraform envs/dev) by reference',
      'prod/app in terraform envs/prod -> module.app_irsa.aws_iam_role.this (terraform envs/prod) by reference',
    ])
  })

  it('are silent when each environment trusts its own ServiceAccount', async () => {
    expect(linesOf(await run('terraform-environments', 'silent'))).toEqual([])
  })

  it("report a refused ServiceAccount against its own environment's role, not the other's", async () => {
    expect(linesOf(await run('terraform-environments', 'fires'))).toEqual([
      `modules/app-irsa/main.tf:19:88: error: ServiceAccount dev/api (envs/dev/main.tf:14) would be refused by role app-dev's trust (modules/app-irsa/main.tf:19): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:dev:app", not "system:serviceaccount:dev:api"; change the sub value to "system:serviceaccount:dev:api" or rename the ServiceAccount to app [trust-denies-service-account]`,
    ])
  })
})

describe('eksctl ClusterConfigs', () => {
  it('each ClusterConfig, also one of several in a file, is a unit of its own', async () => {
    const result = await run('eksctl-clusters', 'silent')
    expect(
      result.graph.facts.podIdentityAssociations.map(
        (association) => `${knownString(association.cluster)} in ${association.unit}`,
      ),
    ).toEqual(['billing in eksctl clusters/billing.yaml#0'])
    expect(links(result)).toEqual([
      'default/s3-reader in eksctl clusters/billing.yaml#0 -> nothing',
      'default/s3-reader in eksctl clusters/billing.yaml#1 -> nothing',
      'default/s3-reader in eksctl clusters/orders.yaml -> the role eksctl creates for ServiceAccount default/s3-reader (clusters/orders.yaml) (eksctl clusters/orders.yaml) by reference',
    ])
  })

  it("never join a Pod Identity association of one cluster to another cluster's ServiceAccount", async () => {
    expect(linesOf(await run('eksctl-clusters', 'silent'))).toEqual([])
  })

  it('join the association and the IRSA ServiceAccount of the same cluster', async () => {
    expect(linesOf(await run('eksctl-clusters', 'fires'))).toEqual([
      'clusters/orders.yaml:15:7: warning: ServiceAccount default/s3-reader (clusters/orders.yaml:15) names the role ${eksctl.orders.iam_service_account["default/s3-reader"].role_arn} in eks.amazonaws.com/role-arn, but a Pod Identity association on cluster orders (clusters/orders.yaml:21) maps the same ServiceAccount to role orders-s3-reader; Pod Identity takes precedence, so the webhook injects only the Pod Identity credentials and the annotation has no effect; remove the annotation, or delete the association to keep IRSA [pod-identity-overrides-irsa]',
    ])
  })
})

describe("one workshop lab's Terraform and another lab's Kustomize build", () => {
  it('do not meet: no Pod Identity override, and no role of the other lab offered as a near name', async () => {
    const result = await run('workshop-labs', 'silent')
    expect(links(result)).toEqual(['carts/carts in kustomize labs/irsa/app -> nothing'])
    // The Pod Identity lab's role trusts any association: a note of its own, about that lab only.
    expect(linesOf(result)).toEqual([
      `labs/pod-identity/.workshop/terraform/main.tf:12:18: note: Role workshop-carts-pods's trust lets pods.eks.amazonaws.com assume the role in Statement[0] without a condition, so any Pod Identity association in the account (any cluster, namespace or ServiceAccount) can give the role to its pods; add a Condition on aws:RequestTag/eks-cluster-name, aws:RequestTag/kubernetes-namespace and aws:RequestTag/kubernetes-service-account naming the associations meant to use it [pod-identity-trust-open]`,
    ])
  })

  it('a plain manifest still joins across the repository', async () => {
    const result = await run('workshop-labs', 'fires')
    expect(links(result)).toEqual(['carts/carts in no unit -> nothing'])
    expect(linesOf(result)).toEqual([
      'k8s/carts-serviceAccount.yaml:8:33: error: ServiceAccount carts/carts (k8s/carts-serviceAccount.yaml:8) names role workshop-carts-irsa in eks.amazonaws.com/role-arn, but Pod Identity association aws_eks_pod_identity_association.carts on cluster workshop-auto (labs/pod-identity/.workshop/terraform/main.tf:20) maps the same ServiceAccount to role workshop-carts-pods, and Pod Identity takes precedence: its pods get the credentials of role workshop-carts-pods, not of role workshop-carts-irsa; remove the annotation and give role workshop-carts-pods the permissions the pods need, or delete the association to keep IRSA [pod-identity-overrides-irsa]',
      'k8s/carts-serviceAccount.yaml:8:33: warning: ServiceAccount carts/carts (k8s/carts-serviceAccount.yaml:8) names role "workshop-carts-irsa", which no scanned source defines (they define 1 role); did you mean "workshop-carts-pods" (labs/pod-identity/.workshop/terraform/main.tf:8)? correct the annotation or add the role\'s definition to the scan [role-not-found]',
      `labs/pod-identity/.workshop/terraform/main.tf:12:18: note: Role workshop-carts-pods's trust lets pods.eks.amazonaws.com assume the role in Statement[0] without a condition, so any Pod Identity association in the account (any cluster, namespace or ServiceAccount) can give the role to its pods; add a Condition on aws:RequestTag/eks-cluster-name, aws:RequestTag/kubernetes-namespace and aws:RequestTag/kubernetes-service-account naming the associations meant to use it [pod-identity-trust-open]`,
    ])
  })
})

describe('a literal role ARN', () => {
  it("ties a Kustomize build's ServiceAccount to the role a Terraform root defines under that name", async () => {
    const result = await run('literal-arn-tie', 'silent')
    expect(links(result)).toEqual(['prod/orders in kustomize k8s -> aws_iam_role.orders (terraform infra) by name'])
    expect(linesOf(result)).toEqual([])
  })

  it("reports the token the tied role's trust refuses", async () => {
    expect(linesOf(await run('literal-arn-tie', 'fires'))).toEqual([
      `infra/main.tf:11:88: error: ServiceAccount prod/orders-api (k8s/service-account.yaml:6) would be refused by role orders-reader's trust (infra/main.tf:11): StringEquals on "${ISSUER}:sub" allows "system:serviceaccount:prod:orders", not "system:serviceaccount:prod:orders-api"; change the sub value to "system:serviceaccount:prod:orders-api" or rename the ServiceAccount to orders [trust-denies-service-account]`,
    ])
  })
})

describe('two Kustomize builds of one namespace', () => {
  it("do not offer another build's ServiceAccount as the one a workload meant", async () => {
    expect(linesOf(await run('kustomize-builds', 'silent'))).toEqual([])
  })

  it("offer only the workload's own build's near names", async () => {
    expect(linesOf(await run('kustomize-builds', 'fires'))).toEqual([
      'apps/web/deployment.yaml:14:27: warning: Deployment shop/web runs as ServiceAccount "web", which no scanned file defines in namespace shop; the pods are refused until it exists: did you mean "web-sa" (apps/web/service-account.yaml:4)? Make spec.serviceAccountName and the ServiceAccount\'s name agree [workload-service-account-missing]',
    ])
  })
})
