import { fixture, linesOf, scan } from '../../helpers.js'

describe('an irsa-guard:ignore comment in HCL', () => {
  it('directly above a resource or data block covers the whole block; other blocks are still reported', async () => {
    const result = await scan(fixture('repos', 'hcl-block-suppression'))
    expect(linesOf(result, 'sub-condition-missing').map((line) => line.replace(/: error: .*$/, ''))).toEqual([
      'infra/main.tf:25:7',
    ])
    expect(linesOf(result, 'suppression-reason-missing')).toEqual([])
  })
})
