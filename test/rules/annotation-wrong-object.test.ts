import { fixture, linesOf, scan } from '../helpers.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'

afterAll(removeTempRepos)

describe('annotation-wrong-object', () => {
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
