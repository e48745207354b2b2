import { fixture, linesOf, ruleLines, scan } from '../helpers.js'

describe('nothing-scanned', () => {
  it('names the include globs that found nothing', async () => {
    expect(await ruleLines('nothing-scanned', 'silent', { include: ['k8s', 'manifests/**/*.yaml'] })).toEqual([
      '.:1:1: warning: Nothing was checked: no Kubernetes manifest, Terraform file or IAM policy JSON under "k8s", "manifests/**/*.yaml" (no .yaml, .yml, .json or .tf file there); point include (the paths input or .irsa-guard.yml) at the directories that hold them [nothing-scanned]',
    ])
  })

  it('stays silent when one manifest is found', async () => {
    const result = await scan(fixture('rules', 'nothing-scanned', 'silent'))
    expect(linesOf(result, 'nothing-scanned')).toEqual([])
    expect(result.scan).toEqual({ relevantFiles: 1, filesSeen: 2, include: ['**/*'] })
  })
})
