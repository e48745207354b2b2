import type { CheckResult } from '../check.js'
import { UNRESOLVED_REASONS, type UnresolvedChain } from '../coverage.js'
import type { Location } from '../model/location.js'
import { docsUrl } from '../rules/rule.js'
import { VERSION } from '../version.js'
import { countByLevel, type LevelCounts } from './counts.js'
import { jsonChunks } from './json-chunks.js'

export interface JsonReport {
  tool: 'irsa-guard'
  version: string
  counts: LevelCounts
  scan: { filesSeen: number; relevantFiles: number }
  coverage: JsonCoverage
  findings: JsonFinding[]
}

/** Which chains were verified; each unresolved one with its reason (a stable id and its sentence). */
export interface JsonCoverage {
  verified: number
  total: number
  unresolved: JsonUnresolvedChain[]
}

/** An unresolved chain, with its reason's sentence for readers of the JSON. */
export type JsonUnresolvedChain = UnresolvedChain & { reasonText: string }

export interface JsonFinding {
  ruleId: string
  level: string
  message: string
  location: Location
  related: { location: Location; message: string }[]
  fingerprint: string
  docsUrl: string
}

export function toJsonReport(result: CheckResult): JsonReport {
  return {
    tool: 'irsa-guard',
    version: VERSION,
    counts: countByLevel(result.findings),
    scan: { filesSeen: result.scan.filesSeen, relevantFiles: result.scan.relevantFiles },
    coverage: toJsonCoverage(result),
    findings: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      level: finding.level,
      message: finding.message,
      location: finding.location,
      related: finding.related,
      fingerprint: finding.fingerprint,
      docsUrl: docsUrl(finding.ruleId),
    })),
  }
}

export function toJsonCoverage(result: CheckResult): JsonCoverage {
  const { verified, total, unresolved } = result.coverage
  return {
    verified,
    total,
    unresolved: unresolved.map((chain) => ({
      kind: chain.kind,
      location: chain.location,
      ...(chain.serviceAccount !== undefined ? { serviceAccount: chain.serviceAccount } : {}),
      ...(chain.role !== undefined ? { role: chain.role } : {}),
      ...(chain.module !== undefined ? { module: chain.module } : {}),
      reason: chain.reason,
      reasonText: UNRESOLVED_REASONS[chain.reason],
      ...(chain.detail !== undefined ? { detail: chain.detail } : {}),
    })),
  }
}

export function formatJson(result: CheckResult): string {
  return [...jsonReportChunks(result)].join('')
}

/** The JSON report as pieces to write one after another: findings one by one, the text never whole. */
export function* jsonReportChunks(result: CheckResult): Generator<string> {
  yield* jsonChunks(toJsonReport(result), 2)
  yield '\n'
}
