import { fixture, linesOf, ruleLines, scan } from '../helpers.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'

afterAll(removeTempRepos)

describe('annotation-wrong-object', () => {
  it('reports the role-arn annotation on workloads, pod templates, namespaces and labels, naming the ServiceAccount to move it to', async () => {
    expect(await ruleLines('annotation-wrong-object', 'fires')).toEqual([
      'crossplane/runtime-config.yaml:7:5: error: eks.amazonaws.com/role-arn "arn:aws:iam::210987654321:role/crossplane-provider-aws" is an annotation on DeploymentRuntimeConfig irsa, where the EKS webhook never reads it (only ServiceAccount annotations); put it in spec.serviceAccountTemplate.metadata.annotations, which Crossplane copies onto the provider\'s ServiceAccount [annotation-wrong-object]',
      'k8s/service-accounts.yaml:13:5: error: eks.amazonaws.com/role-arn is a label on ServiceAccount shop/reports, but the EKS webhook reads annotations, and the API server rejects the object because an ARN is not a valid label value; move it under metadata.annotations [annotation-wrong-object]',
      'k8s/workloads.yaml:6:5: error: eks.amazonaws.com/role-arn "arn:aws:iam::345678901234:role/shop" is an annotation on Namespace shop, where the EKS webhook never reads it (only ServiceAccount annotations); put it in the metadata.annotations of the ServiceAccounts of namespace shop that need the role [annotation-wrong-object]',
      'k8s/workloads.yaml:14:5: error: eks.amazonaws.com/role-arn "arn:aws:iam::345678901234:role/web" is an annotation on Deployment shop/web, where the EKS webhook never reads it (only ServiceAccount annotations); put it in the metadata.annotations of ServiceAccount shop/web (k8s/service-accounts.yaml:4), which its pods run as [annotation-wrong-object]',
      'k8s/workloads.yaml:43:9: error: eks.amazonaws.com/role-arn "arn:aws:iam::345678901234:role/worker" is an annotation on the pod template of Deployment shop/worker, where the EKS webhook never reads it (only ServiceAccount annotations); put it in the metadata.annotations of ServiceAccount shop/worker, which its pods run as (no scanned file defines it) [annotation-wrong-object]',
      'k8s/workloads.yaml:65:9: error: eks.amazonaws.com/role-arn "arn:aws:iam::345678901234:role/cache" is an annotation on the pod template of StatefulSet shop/cache, where the EKS webhook never reads it (only ServiceAccount annotations); its pods run as ServiceAccount shop/default: create a ServiceAccount for it with the annotation and set spec.serviceAccountName [annotation-wrong-object]',
      'k8s/workloads.yaml:85:9: error: eks.amazonaws.com/role-arn "arn:aws:iam::345678901234:role/billing-writer" is an annotation on the pod template of Deployment shop/billing, where the EKS webhook never reads it (only ServiceAccount annotations); the pods get the role of ServiceAccount shop/billing instead, "arn:aws:iam::345678901234:role/billing-reader" (k8s/service-accounts.yaml:21): set the role you want there and remove this one [annotation-wrong-object]',
      'k8s/workloads.yaml:106:9: note: eks.amazonaws.com/role-arn "arn:aws:iam::345678901234:role/api" is an annotation on the pod template of Deployment shop/api, where the EKS webhook never reads it (only ServiceAccount annotations); ServiceAccount shop/api (k8s/service-accounts.yaml:29), which the pods run as, already names this role, so remove this copy [annotation-wrong-object]',
    ])
  })

  it('stays silent when the annotation is on the ServiceAccount and pod templates carry only pod keys', async () => {
    const result = await scan(fixture('rules', 'annotation-wrong-object', 'silent'))
    expect(linesOf(result, 'annotation-wrong-object')).toEqual([])
    expect([result.graph.facts.serviceAccounts.length, result.graph.facts.workloads.length]).toEqual([5, 1])
  })

  it('reads a Crossplane ControllerConfig or DeploymentRuntimeConfig as the provider ServiceAccount it produces, named as Crossplane names it', async () => {
    const result = await scan(fixture('rules', 'annotation-wrong-object', 'silent', 'crossplane'))
    expect(linesOf(result)).toEqual([])
    expect(
      result.graph.facts.serviceAccounts.map((sa) => {
        const text = (value: typeof sa.name): string => (value.kind === 'known' ? value.value : `\${${value.expression}}`)
        return `${text(sa.namespace)}/${text(sa.name)} ${sa.roleArn && text(sa.roleArn)} @${sa.location.line}`
      }),
    ).toEqual([
      '${crossplane-namespace}/${crossplane-provider-revision(aws-config)} arn:aws:iam::210987654321:role/crossplane-provider-aws @5',
      '${crossplane-namespace}/provider-aws-s3 arn:aws:iam::210987654321:role/crossplane-provider-s3 @15',
      '${crossplane-namespace}/provider-aws-iam arn:aws:iam::210987654321:role/crossplane-provider-iam @24',
      '${crossplane-namespace}/${crossplane-provider-revision(unnamed)} arn:aws:iam::210987654321:role/crossplane-provider-ec2 @35',
    ])
  })

  it('checks the chain of a Crossplane ServiceAccount: its role ARN is judged like any other', async () => {
    const root = tempRepo({
      'crossplane.yaml': 'apiVersion: pkg.crossplane.io/v1beta1\nkind: DeploymentRuntimeConfig\nmetadata:\n  name: irsa\nspec:\n  serviceAccountTemplate:\n    metadata:\n      name: provider-aws\n      annotations:\n        eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/crossplane\n',
    })
    expect(linesOf(await scan(root))).toEqual([
      'crossplane.yaml:10:37: warning: eks.amazonaws.com/role-arn "arn:aws:iam::111122223333:role/crossplane" of ServiceAccount ${crossplane-namespace}/provider-aws holds 111122223333, an example account ID from the AWS documentation: STS finds no such role of yours and answers AccessDenied; replace 111122223333 with the 12-digit ID of the account the role is in [role-arn-placeholder]',
    ])
  })
})
