import type { CheckResult } from '../check.js'
import { getOrCreate } from '../collections.js'
import { toJsonCoverage, type JsonCoverage } from './json.js'
import { jsonChunks } from './json-chunks.js'
import type { Finding, Level } from '../model/finding.js'
import type { Location } from '../model/location.js'
import { docsUrl, type RuleMeta } from '../rules/rule.js'
import { INFORMATION_URI, VERSION } from '../version.js'

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'

/** The fingerprint key under `partialFingerprints`; bump the version if the fingerprint recipe changes. */
export const FINGERPRINT_KEY = 'irsaGuard/v1'

export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: SarifRun[]
}

export interface SarifRun {
  tool: { driver: SarifDriver }
  columnKind: 'utf16CodeUnits'
  results: SarifResult[]
  /** `coverage`: the chains verified, and each unresolved one with its reason (as in the JSON report). */
  properties: { coverage: SarifCoverage }
}

/** The JSON report's coverage, its list cut at SARIF_UNRESOLVED_LIMIT chains so that it cannot crowd out the results. */
export type SarifCoverage = JsonCoverage & { unresolvedLeftOut?: number }

export const SARIF_UNRESOLVED_LIMIT = 1_000

export interface SarifDriver {
  name: 'irsa-guard'
  informationUri: string
  version: string
  semanticVersion: string
  rules: SarifRule[]
}

export interface SarifRule {
  id: string
  name: string
  shortDescription: { text: string }
  fullDescription: { text: string }
  helpUri: string
  help: { text: string; markdown: string }
  defaultConfiguration: { level: Level }
  properties: { tags: string[]; precision: 'high'; 'security-severity'?: string }
}

export interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: Level
  message: { text: string }
  locations: SarifLocation[]
  relatedLocations?: (SarifLocation & { id: number; message: { text: string } })[]
  partialFingerprints: Record<string, string>
}

export interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string }
    region: { startLine: number; startColumn: number }
  }
}

/** The SARIF 2.1.0 log of a check: every rule that ran, and one result per finding. */
export function toSarif(result: CheckResult): SarifLog {
  // Many findings share a file: each path is encoded once.
  const uris = new Map<string, string>()
  const uriOf = (path: string): string => getOrCreate(uris, path, () => toUri(path))
  const rules = result.rules.map(toSarifRule)
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]))
  // A source may report under an id no registered rule carries; SARIF still needs a descriptor for it.
  for (const finding of result.findings) {
    if (ruleIndex.has(finding.ruleId)) continue
    ruleIndex.set(finding.ruleId, rules.length)
    rules.push(
      toSarifRule({
        id: finding.ruleId,
        level: finding.level,
        description: finding.ruleId,
        remediation: `See ${docsUrl(finding.ruleId)}`,
      }),
    )
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'irsa-guard',
            informationUri: INFORMATION_URI,
            version: VERSION,
            semanticVersion: VERSION,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((finding) => toSarifResult(finding, ruleIndex.get(finding.ruleId)!, uriOf)),
        properties: { coverage: sarifCoverage(result) },
      },
    ],
  }
}

function sarifCoverage(result: CheckResult): SarifCoverage {
  const coverage = toJsonCoverage(result)
  if (coverage.unresolved.length <= SARIF_UNRESOLVED_LIMIT) return coverage
  return {
    ...coverage,
    unresolved: coverage.unresolved.slice(0, SARIF_UNRESOLVED_LIMIT),
    unresolvedLeftOut: coverage.unresolved.length - SARIF_UNRESOLVED_LIMIT,
  }
}

export function formatSarif(result: CheckResult): string {
  return [...sarifChunks(toSarif(result))].join('')
}

/** A SARIF log as pieces to write one after another: results one by one, the text never whole. */
export function* sarifChunks(log: SarifLog): Generator<string> {
  // Split down to a run's members (log → runs → run), so that its results are written one by one.
  yield* jsonChunks(log, 3)
  yield '\n'
}

function toSarifRule(meta: RuleMeta): SarifRule {
  const url = docsUrl(meta.id)
  const tags = ['irsa', 'kubernetes', 'iam']
  if (meta.security) tags.push('security')
  const rule: SarifRule = {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description} ${meta.remediation}` },
    helpUri: url,
    help: {
      text: `${meta.description}\n\nHow to fix: ${meta.remediation}\n\nDocumentation: ${url}`,
      markdown: `${meta.description}\n\n**How to fix:** ${meta.remediation}\n\n[Documentation for ${meta.id}](${url})`,
    },
    defaultConfiguration: { level: meta.level },
    properties: { tags, precision: 'high' },
  }
  // GitHub code scanning ranks security alerts by this score (0.0-10.0).
  if (meta.security)
    rule.properties['security-severity'] = meta.level === 'error' ? '8.0' : meta.level === 'warning' ? '5.0' : '3.0'
  return rule
}

function toSarifResult(finding: Finding, ruleIndex: number, uriOf: (path: string) => string): SarifResult {
  const result: SarifResult = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.level,
    message: { text: finding.message },
    locations: [toSarifLocation(finding.location, uriOf)],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
  }
  if (finding.related.length > 0) {
    result.relatedLocations = finding.related.map((related, index) => ({
      id: index + 1,
      ...toSarifLocation(related.location, uriOf),
      message: { text: related.message },
    }))
  }
  return result
}

function toSarifLocation(location: Location, uriOf: (path: string) => string): SarifLocation {
  return {
    physicalLocation: {
      artifactLocation: { uri: uriOf(location.path) },
      region: { startLine: location.line, startColumn: location.column },
    },
  }
}

/** A repository-relative, `/`-separated path as a relative URI reference. */
export function toUri(repositoryPath: string): string {
  return repositoryPath.split('/').map(encodeURIComponent).join('/')
}

function pascalCase(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}
