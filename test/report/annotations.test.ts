import type { Finding, Level } from '../../src/model/finding.js'
import { hiddenAnnotationsNotice, planAnnotations } from '../../src/report/annotations.js'
import { denied } from './results.js'

function findings(level: Level, count: number): Finding[] {
  return Array.from({ length: count }, (_, index) => ({
    ...denied,
    level,
    location: { ...denied.location, line: index + 1 },
  }))
}

describe('annotation plan', () => {
  it('shows at most ten of each level, most severe first, and counts the rest', () => {
    const plan = planAnnotations([...findings('error', 12), ...findings('warning', 3), ...findings('note', 11)])
    expect(plan.shown.map((finding) => finding.level)).toEqual([
      ...Array(10).fill('error'),
      ...Array(3).fill('warning'),
      ...Array(10).fill('note'),
    ])
    expect(plan.shown[0]!.location.line).toBe(1)
    expect(plan.hidden).toEqual({ error: 2, warning: 0, note: 1 })
    expect(hiddenAnnotationsNotice(plan.hidden, 'the job summary')).toBe(
      '3 more findings not shown as annotations (2 errors, 0 warnings, 1 note): see the job summary',
    )
  })

  it('holds nothing back under the cap', () => {
    const plan = planAnnotations(findings('warning', 10))
    expect(plan.shown).toHaveLength(10)
    expect(hiddenAnnotationsNotice(plan.hidden, 'the job summary')).toBeUndefined()
  })
})
