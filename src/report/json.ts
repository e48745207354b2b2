import type { CheckResult } from '../check.js'
import type { Location } from '../model/location.js'
import { docsUrl } from '../rules/rule.js'
import { VERSION } from '../version.js'
import { countByLevel, type LevelCounts } from './counts.js'

export interface JsonReport {
  tool: 'irsa-guard'
  version: string
  counts: LevelCounts
  scan: { filesSeen: number; relevantFiles: number }
  findings: JsonFinding[]
}

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

export function formatJson(result: CheckResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`
}
