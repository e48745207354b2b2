import type { Rule } from './rule.js'

export const nothingScanned: Rule = {
  meta: {
    id: 'nothing-scanned',
    level: 'warning',
    description:
      'No IRSA-relevant file (Kubernetes manifest, Terraform, IAM policy JSON, plan JSON) was found under the configured paths, so a pass would mean nothing.',
    remediation:
      'Point the include globs (the paths input, or include in .irsa-guard.yml) at the directories that hold the manifests and infrastructure code.',
  },
  *check(_graph, { scan }) {
    if (scan.relevantFiles > 0) return
    const globs = scan.include.map((glob) => `"${glob}"`).join(', ')
    const count = scan.filesSeen
    const seen =
      count === 0
        ? 'no .yaml, .yml, .json or .tf file there'
        : `${count} candidate file${count === 1 ? '' : 's'} there, none of them one`
    yield {
      location: { path: '.', line: 1, column: 1 },
      message: `Nothing was checked: no Kubernetes manifest, Terraform file or IAM policy JSON under ${globs} (${seen}); point include (the paths input or .irsa-guard.yml) at the directories that hold them`,
      key: 'nothing-scanned',
    }
  },
}
