import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { FINGERPRINT_KEY, toSarif } from '../../src/report/sarif.js'
import { VERSION } from '../../src/version.js'
import { fixture, scan } from '../helpers.js'
import { sarifValidator } from './sarif-schema.js'
import { broad, denied, parseProblem, resultOf, subConditionBroad, trustDenies } from './results.js'

const validate = sarifValidator()

function expectValid(log: unknown): void {
  const valid = validate(log)
  expect(validate.errors ?? []).toEqual([])
  expect(valid).toBe(true)
}

describe('sarif reporter', () => {
  it('describes every rule that ran, with help text, help URI, level and tags', () => {
    const log = toSarif(resultOf([denied, broad]))
    expectValid(log)
    const driver = log.runs[0]!.tool.driver
    expect(driver.name).toBe('irsa-guard')
    expect(driver.version).toBe(VERSION)
    expect(driver.informationUri).toBe('https://github.com/irsa-guard/irsa-guard')
    expect(driver.rules.map((rule) => rule.id)).toEqual([trustDenies.id, subConditionBroad.id])
    expect(driver.rules[1]).toEqual({
      id: 'sub-condition-broad',
      name: 'SubConditionBroad',
      shortDescription: { text: subConditionBroad.description },
      fullDescription: { text: `${subConditionBroad.description} ${subConditionBroad.remediation}` },
      helpUri: 'https://github.com/irsa-guard/irsa-guard/blob/main/docs/rules/sub-condition-broad.md',
      help: {
        text: `${subConditionBroad.description}\n\nHow to fix: ${subConditionBroad.remediation}\n\nDocumentation: https://github.com/irsa-guard/irsa-guard/blob/main/docs/rules/sub-condition-broad.md`,
        markdown: `${subConditionBroad.description}\n\n**How to fix:** ${subConditionBroad.remediation}\n\n[Documentation for sub-condition-broad](https://github.com/irsa-guard/irsa-guard/blob/main/docs/rules/sub-condition-broad.md)`,
      },
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['irsa', 'kubernetes', 'iam', 'security'], precision: 'high', 'security-severity': '5.0' },
    })
    expect(driver.rules[0]!.properties.tags).not.toContain('security')
  })

  it('gives each result its rule, level, message, location, related locations and fingerprint', () => {
    const log = toSarif(resultOf([denied, broad]))
    expect(log.runs[0]!.results).toEqual([
      {
        ruleId: 'trust-denies-service-account',
        ruleIndex: 0,
        level: 'error',
        message: { text: denied.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'iam/payments-api-trust.json' },
              region: { startLine: 12, startColumn: 90 },
            },
          },
        ],
        relatedLocations: [
          {
            id: 1,
            physicalLocation: { artifactLocation: { uri: 'k8s/api.yaml' }, region: { startLine: 7, startColumn: 33 } },
            message: { text: 'ServiceAccount payments/api names the role here' },
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: '0123456789abcdef0123456789abcdef' },
      },
      {
        ruleId: 'sub-condition-broad',
        ruleIndex: 1,
        level: 'warning',
        message: { text: broad.message },
        // A relative URI: the space is percent-encoded.
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'infra/my%20roles/ops.json' },
              region: { startLine: 3, startColumn: 5 },
            },
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: 'fedcba9876543210fedcba9876543210' },
      },
    ])
  })

  it('adds a descriptor for a finding whose rule is not registered, so ruleIndex always points at it', () => {
    const log = toSarif(resultOf([parseProblem], [trustDenies]))
    expectValid(log)
    const run = log.runs[0]!
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['trust-denies-service-account', 'parse-error'])
    expect(run.results[0]).toMatchObject({ ruleId: 'parse-error', ruleIndex: 1, level: 'note' })
  })

  it('is checked by a schema that rejects a wrong level and a missing driver name', () => {
    const log = toSarif(resultOf([denied])) as unknown as {
      runs: { tool: { driver: Record<string, unknown> }; results: Record<string, unknown>[] }[]
    }
    log.runs[0]!.results[0]!.level = 'fatal'
    expect(validate(log)).toBe(false)
    const nameless = toSarif(resultOf([])) as unknown as { runs: { tool: { driver: Record<string, unknown> } }[] }
    delete nameless.runs[0]!.tool.driver.name
    expect(validate(nameless)).toBe(false)
  })

  it('is a valid log with no results when nothing was found', () => {
    const log = toSarif(resultOf([]))
    expectValid(log)
    expect(log.runs[0]!.results).toEqual([])
  })

  it('validates for a real scan of a broken repository, with one rule descriptor per registered rule', async () => {
    const result = await scan(fixture('repos', 'broken'))
    const log = toSarif(result)
    expectValid(log)
    expect(log.runs[0]!.tool.driver.rules.map((rule) => rule.id)).toEqual(result.rules.map((rule) => rule.id))
    expect(log.runs[0]!.results.map((entry) => entry.ruleId)).toContain('trust-denies-service-account')
  })

  describe('partialFingerprints', () => {
    let workspace: string
    beforeEach(async () => {
      workspace = await mkdtemp(path.join(os.tmpdir(), 'irsa-guard-sarif-'))
    })
    afterEach(async () => {
      await rm(workspace, { recursive: true, force: true })
    })

    it('stay the same when unrelated edits move the finding to another line', async () => {
      const before = path.join(workspace, 'before')
      const after = path.join(workspace, 'after')
      await cp(fixture('repos', 'broken'), before, { recursive: true })
      await cp(fixture('repos', 'broken'), after, { recursive: true })
      for (const file of ['k8s/api.yaml', 'iam/payments-api-trust.json']) {
        const text = await readFile(path.join(after, file), 'utf8')
        const shifted = file.endsWith('.yaml')
          ? `# owned by the payments team\n# reviewed 2026-01\n${text}`
          : `\n\n${text}`
        await writeFile(path.join(after, file), shifted)
      }
      const resultBefore = toSarif(await scan(before)).runs[0]!.results
      const resultAfter = toSarif(await scan(after)).runs[0]!.results
      const denies = (results: typeof resultBefore) =>
        results.find((entry) => entry.ruleId === 'trust-denies-service-account')!
      expect(denies(resultAfter).locations[0]!.physicalLocation.region.startLine).toBe(
        denies(resultBefore).locations[0]!.physicalLocation.region.startLine + 2,
      )
      expect(denies(resultAfter).partialFingerprints).toEqual(denies(resultBefore).partialFingerprints)
      expect(denies(resultBefore).partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/)
    })

    it('differ between two findings of the same rule in the same file', () => {
      const other = {
        ...denied,
        message: 'ServiceAccount payments/worker would be refused',
        fingerprint: 'ffffffffffffffffffffffffffffffff',
      }
      const [first, second] = toSarif(resultOf([denied, other])).runs[0]!.results
      expect(first!.partialFingerprints).not.toEqual(second!.partialFingerprints)
    })
  })
})
