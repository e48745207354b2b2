import { createHash } from 'node:crypto'
import { defaultConfig, type Config } from './config.js'
import { classify, type FileKind } from './discover/classify.js'
import { discover } from './discover/discover.js'
import { readCandidate } from './discover/read.js'
import { Graph } from './graph.js'
import { emptyFacts, mergeFacts, type Facts } from './model/facts.js'
import { levelRank, type Finding, type FindingDraft, type Level, type SourceFinding } from './model/finding.js'
import type { Suppression } from './model/suppression.js'
import { allRules } from './rules/index.js'
import type { Rule, RuleContext, RuleMeta, ScanSummary } from './rules/rule.js'
import { allSources } from './sources/index.js'
import { mergeSameResources } from './sources/same-resource.js'
import type { SourceFile } from './sources/source.js'

export interface CheckOptions {
  /** Absolute path of the repository root; every reported path is relative to it. */
  root: string
  config?: Config
  /** Facts from elsewhere (live AWS) joined into the same graph. */
  extraFacts?: Partial<Facts>
  /** Extra rules to run (the live rules), besides the offline catalogue. */
  extraRules?: readonly Rule[]
}

export interface CheckResult {
  findings: Finding[]
  /** Every rule that ran (for SARIF `tool.driver.rules`). */
  rules: RuleMeta[]
  graph: Graph
  scan: ScanSummary
}

/** The engine: discover → sources → graph → rules → findings. Knows nothing of GitHub or AWS. */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const config = options.config ?? defaultConfig()
  const discovery = await discover(options.root, { include: config.include, exclude: config.exclude, maxFileBytes: config.maxFileBytes })
  const sourceFindings = [...discovery.findings]
  const files: SourceFile[] = []
  for (const candidate of discovery.candidates) {
    const decoded = readCandidate(candidate, config.maxFileBytes)
    if (!decoded.ok) {
      if (decoded.finding) sourceFindings.push(decoded.finding)
      continue
    }
    const kind = classify(candidate.path, decoded.text)
    if (kind !== 'ignored') files.push({ path: candidate.path, kind, text: decoded.text })
  }
  return analyse(files, discovery.candidates.length, config, { ...options, discoveryFindings: sourceFindings })
}

/** Everything after reading files: exported for callers that already hold file texts (bench, workers). */
export function analyse(
  files: readonly SourceFile[],
  filesSeen: number,
  config: Config,
  options: Pick<CheckOptions, 'extraFacts' | 'extraRules'> & { discoveryFindings?: readonly SourceFinding[] } = {},
): CheckResult {
  const facts = emptyFacts()
  const findings: FindingDraftWithRule[] = [...(options.discoveryFindings ?? [])]
  const suppressions: Suppression[] = []
  const context = { config, files }
  const byKind = groupByKind(files)
  for (const source of allSources) {
    const mine = source.kinds.flatMap((kind) => byKind.get(kind) ?? [])
    if (mine.length === 0) continue
    const result = source.read(mine, context)
    mergeFacts(facts, result.facts)
    findings.push(...result.findings)
    suppressions.push(...result.suppressions)
  }
  if (options.extraFacts) mergeFacts(facts, options.extraFacts)

  const graph = new Graph(mergeSameResources(facts))
  const scan: ScanSummary = { relevantFiles: files.filter((file) => file.kind !== 'script').length, filesSeen, include: config.include }
  const ruleContext: RuleContext = { config, scan, suppressions }
  const rules = [...allRules, ...(options.extraRules ?? [])]
  for (const rule of rules) {
    if (config.rules[rule.meta.id] === 'off') continue
    for (const draft of rule.check(graph, ruleContext)) findings.push({ ...draft, ruleId: rule.meta.id })
  }

  const metaById = new Map(rules.map((rule) => [rule.meta.id, rule.meta]))
  const result: Finding[] = []
  const seen = new Set<string>()
  for (const draft of findings) {
    const setting = config.rules[draft.ruleId]
    if (setting === 'off') continue
    if (isSuppressed(draft, suppressions)) continue
    const level: Level = setting ?? draft.level ?? metaById.get(draft.ruleId)?.level ?? 'warning'
    const finding: Finding = {
      ruleId: draft.ruleId,
      level,
      message: draft.message,
      location: draft.location,
      related: draft.related ?? [],
      fingerprint: fingerprint(draft),
    }
    const identity = `${finding.ruleId}|${finding.location.path}|${finding.location.line}|${finding.message}`
    if (seen.has(identity)) continue
    seen.add(identity)
    result.push(finding)
  }
  result.sort(compareFindings)
  return { findings: result, rules: rules.map((rule) => rule.meta), graph, scan }
}

type FindingDraftWithRule = FindingDraft & { ruleId: string }

function groupByKind(files: readonly SourceFile[]): Map<FileKind, SourceFile[]> {
  const byKind = new Map<FileKind, SourceFile[]>()
  for (const file of files) {
    const list = byKind.get(file.kind)
    if (list) list.push(file)
    else byKind.set(file.kind, [file])
  }
  return byKind
}

function isSuppressed(finding: FindingDraftWithRule, suppressions: readonly Suppression[]): boolean {
  return suppressions.some(
    (suppression) =>
      suppression.reason !== undefined &&
      suppression.location.path === finding.location.path &&
      finding.location.line >= suppression.fromLine &&
      finding.location.line <= suppression.toLine &&
      (suppression.ruleIds.includes(finding.ruleId) || suppression.ruleIds.includes('all')),
  )
}

/** Stable across unrelated edits: rule, file and what the finding is about, never the line. */
function fingerprint(finding: FindingDraftWithRule): string {
  return createHash('sha256')
    .update(`${finding.ruleId}\0${finding.location.path}\0${finding.key ?? finding.message}`)
    .digest('hex')
    .slice(0, 32)
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    levelRank(b.level) - levelRank(a.level) ||
    a.location.path.localeCompare(b.location.path) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    a.ruleId.localeCompare(b.ruleId)
  )
}
