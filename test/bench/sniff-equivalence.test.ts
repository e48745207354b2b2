import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { check, type CheckResult } from '../../src/check.js'
import { formatFindingLine } from '../../src/report/text.js'
import { repositoryRoot } from '../helpers.js'
import { removeTempRepos, tempRepo } from '../discover/temp-repo.js'
import { ADVERSARIAL_MANIFESTS } from './adversarial-manifests.js'

/*
 * The sources skip the manifest documents no rule can care about (SourceContext.sniff). The
 * engine must find the same with and without that, on a generated repository and on manifests
 * written to defeat the sniff, parse errors of the skipped documents included (a faster parser
 * checks them; see yaml-validate.ts).
 */

let generated: string

beforeAll(async () => {
  const { writeRepository } = await import(pathToFileURL(path.join(repositoryRoot, 'bench', 'generate.mjs')).href)
  generated = mkdtempSync(path.join(tmpdir(), 'irsa-guard-sniff-'))
  writeRepository(generated, 1000, 7)
}, 120_000)

afterAll(() => {
  if (generated) rmSync(generated, { recursive: true, force: true })
  removeTempRepos()
})

async function sniffedAndWhole(root: string): Promise<{ sniffed: CheckResult; whole: CheckResult }> {
  const sniffed = await check({ root, workers: 0, sniff: true })
  const whole = await check({ root, workers: 0, sniff: false })
  return { sniffed, whole }
}

describe('skipping manifest documents no rule can care about', () => {
  it('finds exactly the same on a generated repository', async () => {
    const { sniffed, whole } = await sniffedAndWhole(generated)
    expect(whole.findings.length).toBeGreaterThanOrEqual(3)
    expect(JSON.stringify(sniffed.findings)).toBe(JSON.stringify(whole.findings))
    // It did skip documents: Services, autoscalers, disruption budgets, ConfigMaps, Ingresses, NetworkPolicies.
    expect(sniffed.graph.facts.objects.length).toBeLessThan(whole.graph.facts.objects.length * 0.7)
    expect(sniffed.graph.facts.serviceAccounts.length).toBe(whole.graph.facts.serviceAccounts.length)
  }, 120_000)

  it('finds exactly the same on adversarial manifests, the parse error of a document that does not look relevant included', async () => {
    const { sniffed, whole } = await sniffedAndWhole(tempRepo(ADVERSARIAL_MANIFESTS))
    expect(whole.findings.map(formatFindingLine)).toContain(
      'k8s/broken.yaml:11:3: note: Cannot parse YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; nothing in this document was checked [parse-error]',
    )
    expect(JSON.stringify(sniffed.findings)).toBe(JSON.stringify(whole.findings))
    expect(new Set(whole.findings.map((finding) => finding.ruleId))).toEqual(
      new Set([
        'annotation-key-typo',
        'annotation-wrong-object',
        'parse-error',
        'suppression-reason-missing',
        'workload-env-blocks-injection',
        'workload-runs-as-default',
        'workload-service-account-missing',
      ]),
    )
  })
})
