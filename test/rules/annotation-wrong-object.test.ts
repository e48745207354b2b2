import { fixture, linesOf, scan } from '../helpers.js'

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
        const text = (value: typeof sa.name): string =>
          value.kind === 'known' ? value.value : `\${${value.expression}}`
        return `${text(sa.namespace)}/${text(sa.name)} ${sa.roleArn && text(sa.roleArn)} @${sa.location.line}`
      }),
    ).toEqual([
      '${crossplane-namespace}/${crossplane-provider-revision(aws-config)} arn:aws:iam::210987654321:role/crossplane-provider-aws @5',
      '${crossplane-namespace}/provider-aws-s3 arn:aws:iam::210987654321:role/crossplane-provider-s3 @15',
      '${crossplane-namespace}/provider-aws-iam arn:aws:iam::210987654321:role/crossplane-provider-iam @24',
      '${crossplane-namespace}/${crossplane-provider-revision(unnamed)} arn:aws:iam::210987654321:role/crossplane-provider-ec2 @35',
    ])
  })
})
