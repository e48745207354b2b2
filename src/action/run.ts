import path from 'node:path'
import { check, type CheckResult, type ScanPhase } from '../check.js'
import { ConfigError } from '../config.js'
import { errorText } from '../model/error-text.js'
import { loadConfig } from '../config-file.js'
import { readBaseline } from '../github/baseline.js'
import type { GitHubClient } from '../github/client.js'
import { COMMENT_MARKER } from '../github/comment.js'
import type { GitHubContext } from '../github/context.js'
import { problemsNotice, publishToGitHub, type Published } from '../github/publish.js'
import { selectFindings, type FindingSelection } from '../github/select.js'
import type { Finding } from '../model/finding.js'
import { includeGlobsFor } from '../paths.js'
import { hiddenAnnotationsNotice, planAnnotations } from '../report/annotations.js'
import { countByLevel, findingsAtOrAbove, formatCounts, plural } from '../report/counts.js'
import { formatCoverage, formatUnresolvedLine } from '../report/coverage.js'
import { formatMarkdown, type MarkdownOptions } from '../report/markdown.js'
import { formatPullRequestComment } from '../report/pr-comment.js'
import { findingTitle, prioritized, securityRuleIds } from '../report/priority.js'
import { toSarif } from '../report/sarif.js'
import { formatSarifWithinLimits } from '../report/sarif-limits.js'
import { formatFindingLine } from '../report/text.js'
import { truncateWithNotice } from '../report/truncate.js'
import { writeOutputFile } from '../write-output.js'
import type { ActionOptions } from './inputs.js'
import { runReviewStep } from './review-step.js'

/** GitHub shows at most 1 MiB of a step's job summary. */
const JOB_SUMMARY_LIMIT = 1024 * 1024

export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  startColumn?: number
}

/** The step's log as @actions/core writes it (src/actions-log.ts escapes every text). */
export interface ActionLog {
  info(text: string): void
  lines(lines: readonly string[]): void
  startGroup(name: string): void
  endGroup(): void
  notice(text: string, properties?: AnnotationProperties): void
  warning(text: string, properties?: AnnotationProperties): void
  error(text: string, properties?: AnnotationProperties): void
}

/** Where the run reports to besides its outcome: the log, and GitHub's API when the step has a token and a repository. */
export interface ActionAdapters {
  log: ActionLog
  github?: GitHubContext
  /** A client for github-token at the context's API URL; undefined when no token was given. */
  client?: GitHubClient
  /** Called as each phase of the scan ends (the step's debug log). */
  onPhase?: (phase: ScanPhase) => void
}

export type ActionOutputs = Record<
  | 'errors'
  | 'warnings'
  | 'notes'
  | 'sarif-file'
  | 'accepted-by-baseline'
  | 'outside-changed-files'
  | 'check-run-url'
  | 'comment-url'
  | 'conclusion'
  | 'verified'
  | 'unresolved',
  string
>

/** What the step ends with: its outputs, the job summary (within GitHub's limit), and why it fails. */
export interface ActionOutcome {
  outputs: Partial<ActionOutputs> & Pick<ActionOutputs, 'conclusion'>
  /** Undefined when the run stopped before a summary was written (a usage error). */
  summary?: string
  /** Each a message for `core.setFailed`; empty when the step succeeds. */
  failures: string[]
}

/**
 * The action: options → check → annotations, job summary, SARIF, check run, comment, outputs.
 * Never throws: a usage error or an internal one ends as a failure of the outcome.
 */
export async function runAction(options: ActionOptions, adapters: ActionAdapters): Promise<ActionOutcome> {
  try {
    return await runChecked(options, adapters)
  } catch (error) {
    const message = errorText(error)
    // A config file's problems are all shown, each a failure (an error annotation) of its own.
    return {
      outputs: { conclusion: 'failure' },
      failures: error instanceof ConfigError ? [...error.problems] : [`irsa-guard: internal error: ${message}`],
    }
  }
}

async function runChecked(
  options: ActionOptions,
  { log, github, client, onPhase }: ActionAdapters,
): Promise<ActionOutcome> {
  const { workspace } = options
  const config = await loadConfig({
    root: workspace,
    cwd: workspace,
    trusted: options.trusted,
    ...(options.config ? { configFile: options.config } : {}),
  })
  const include = await includeGlobsFor(options.paths, workspace)
  if (include) config.include = include
  config.exclude = [...config.exclude, ...options.exclude]
  if (options.scanFixtures) config.fixtureDirectories = []
  const baseline = options.baselineFile
    ? await readBaseline(path.resolve(workspace, options.baselineFile), options.baselineFile, workspace)
    : undefined

  // `paths` that match no file fail the step.
  let result = await check({
    root: workspace,
    config,
    includeMustMatch: include !== undefined,
    ...(options.cacheDirectory !== undefined ? { cacheDirectory: options.cacheDirectory } : {}),
    ...(onPhase ? { onPhase } : {}),
  })
  let liveFailure: string | undefined
  if (options.live.mode !== 'off') {
    // Loaded only now: the AWS SDK costs nothing when live is off.
    const { runLiveStep } = await import('../live/action.js')
    ;({ result, failure: liveFailure } = await runLiveStep({
      root: workspace,
      config,
      offline: result,
      settings: options.live,
    }))
  }
  const selection = await selectFindings(result.findings, {
    onlyChanged: options.onlyChanged,
    ...(baseline ? { baseline } : {}),
    ...(client ? { client } : {}),
    ...(github ? { github } : {}),
  })
  for (const line of selection.info) log.info(line)
  for (const warning of selection.warnings) log.warning(warning, { title: 'irsa-guard' })
  // Where only some fit (annotations, the first check run requests, the top of the comment), security findings come first.
  const reported = prioritized({ ...result, findings: selection.reported })
  const securityRules = securityRuleIds(result.rules)
  const counts = countByLevel(reported.findings)
  logFindings(log, reported.findings)
  logCoverage(log, result)

  let sarifPath = ''
  if (options.sarifFile) {
    sarifPath = path.resolve(workspace, options.sarifFile)
    // Code scanning compares with the default branch itself: only the baseline narrows the SARIF, not only-changed.
    const accepted = new Set(selection.accepted)
    await writeSarif(log, sarifPath, options.sarifFile, workspace, {
      ...result,
      findings: result.findings.filter((finding) => !accepted.has(finding)),
    })
  }
  const failing = findingsAtOrAbove(reported.findings, options.failOn)
  const conclusion = failing.length > 0 || liveFailure ? 'failure' : 'success'
  const markdownOptions = linkOptions(github)
  const summary = `${formatMarkdown(reported, markdownOptions)}${selectionNote(selection)}`

  let published: Published = {
    problems: options.comment && !client ? ['the comment input needs the github-token input'] : [],
  }
  if (client && github) {
    const commentBody = options.comment
      ? formatPullRequestComment(reported, commentContext(selection, github, markdownOptions))
      : undefined
    published = await publishToGitHub({
      client,
      github,
      findings: reported.findings,
      conclusion,
      summary,
      commentAuthor: options.commentAuthor,
      securityRules,
      ...(commentBody !== undefined ? { commentBody } : {}),
    })
  }
  const review = options.review ? await runReviewStep(options, log, client, github, reported.findings) : undefined
  if (review) published.problems.push(...review.problems)
  const notice = problemsNotice(published.problems, github)
  if (published.checkRun) {
    log.info(`irsa-guard check run with ${plural(reported.findings.length, 'annotation')}: ${published.checkRun.url}`)
    if (notice) log.notice(notice, { title: 'irsa-guard' })
  } else {
    annotate(log, reported.findings, securityRules, options.sarifFile, notice)
  }
  if (published.comment && published.comment.action !== 'skipped')
    log.info(`irsa-guard pull request comment ${published.comment.action}: ${published.comment.url}`)

  const failures: string[] = []
  if (failing.length > 0)
    failures.push(
      `irsa-guard found ${formatCounts(counts)}: ${plural(failing.length, 'finding')} at or above fail-on ${options.failOn}`,
    )
  if (liveFailure) failures.push(liveFailure)
  else if (failing.length === 0)
    log.info(
      `irsa-guard found ${formatCounts(counts)} in ${plural(result.scan.relevantFiles, 'IRSA-relevant file')}; nothing at or above fail-on ${options.failOn}`,
    )
  return {
    outputs: {
      errors: String(counts.error),
      warnings: String(counts.warning),
      notes: String(counts.note),
      'sarif-file': sarifPath,
      'accepted-by-baseline': String(selection.accepted.length),
      'outside-changed-files': String(selection.outsideChanges?.length ?? 0),
      'check-run-url': published.checkRun?.url ?? '',
      'comment-url': published.comment && published.comment.action !== 'skipped' ? published.comment.url : '',
      conclusion,
      verified: String(result.coverage.verified),
      unresolved: String(result.coverage.unresolved.length),
    },
    summary: jobSummary(`${summary}${review?.summaryNote ?? ''}`),
    failures,
  }
}

/** The chains verified; the unresolved ones with their reasons in a collapsed group. */
function logCoverage(log: ActionLog, result: CheckResult): void {
  const { unresolved } = result.coverage
  log.info(
    `irsa-guard ${formatCoverage(result.coverage)}${unresolved.length > 0 ? `, ${unresolved.length} unresolved` : ''}`,
  )
  if (unresolved.length === 0) return
  log.startGroup(`irsa-guard unresolved chains (${unresolved.length})`)
  log.lines(unresolved.map(formatUnresolvedLine))
  log.endGroup()
}

function logFindings(log: ActionLog, findings: readonly Finding[]): void {
  if (findings.length === 0) return
  log.startGroup(`irsa-guard findings (${findings.length})`)
  log.lines(findings.map(formatFindingLine))
  log.endGroup()
}

/**
 * GitHub shows about 10 annotations per level and step: the first in priority order, then one notice about
 * the rest, which also says why the check run is missing when that is why annotations are here.
 */
function annotate(
  log: ActionLog,
  findings: readonly Finding[],
  securityRules: ReadonlySet<string>,
  sarifFile: string | undefined,
  fallbackReason?: string,
): void {
  const plan = planAnnotations(findings)
  for (const finding of plan.shown) {
    const properties: AnnotationProperties = {
      title: findingTitle(finding, securityRules),
      file: finding.location.path,
      startLine: finding.location.line,
      startColumn: finding.location.column,
    }
    if (finding.level === 'error') log.error(finding.message, properties)
    else if (finding.level === 'warning') log.warning(finding.message, properties)
    else log.notice(finding.message, properties)
  }
  const hidden = hiddenAnnotationsNotice(
    plan.hidden,
    sarifFile ? `the job summary and ${sarifFile}` : 'the job summary',
  )
  const notice = fallbackReason
    ? `${fallbackReason}. Findings are annotated on this step instead, where GitHub shows at most 10 per level${hidden ? `; ${hidden}` : ''}`
    : hidden
  if (notice) log.notice(notice, { title: 'irsa-guard' })
}

/** Links into the repository at the commit checked (on a pull request its head, not the merge commit GITHUB_SHA names). */
export function linkOptions(github: GitHubContext | undefined): MarkdownOptions {
  return github?.headSha ? { blobUrl: `${github.serverUrl}/${github.owner}/${github.repo}/blob/${github.headSha}` } : {}
}

/** What the baseline and only-changed left out, below the job summary. */
function selectionNote(selection: FindingSelection): string {
  const notes: string[] = []
  if (selection.accepted.length > 0)
    notes.push(`${plural(selection.accepted.length, 'finding')} accepted by the baseline file not shown.`)
  if (selection.outsideChanges && selection.outsideChanges.length > 0) {
    notes.push(
      `${plural(selection.outsideChanges.length, 'finding')} in files this pull request does not touch not reported (only-changed).`,
    )
  }
  return notes.length > 0 ? `\n${notes.map((note) => `_${note}_`).join('\n\n')}\n` : ''
}

function commentContext(selection: FindingSelection, github: GitHubContext, links: MarkdownOptions) {
  return {
    ...links,
    marker: COMMENT_MARKER,
    ...(github.headSha ? { sha: github.headSha } : {}),
    ...(selection.outsideChanges ? { outsideChanges: selection.outsideChanges.length } : {}),
    accepted: selection.accepted.length,
    ...(github.runUrl ? { runUrl: github.runUrl } : {}),
  }
}

/** SARIF within GitHub code scanning's limits, inside the workspace and never through a link; a notice says what had to be left out. */
async function writeSarif(
  log: ActionLog,
  sarifPath: string,
  shownPath: string,
  workspace: string,
  result: CheckResult,
): Promise<void> {
  const { text, cuts } = formatSarifWithinLimits(toSarif(result))
  await writeOutputFile(sarifPath, text, `sarif-file ${shownPath}`, { confineTo: workspace })
  if (cuts.length > 0)
    log.notice(`irsa-guard cut the SARIF report to fit GitHub code scanning: ${cuts.join('; ')}`, {
      title: 'irsa-guard',
    })
}

/** The job summary within GitHub's 1 MiB a step. */
function jobSummary(markdown: string): string {
  return truncateWithNotice(
    markdown,
    JOB_SUMMARY_LIMIT - 1024,
    "_The job summary is cut here to stay within GitHub's 1 MiB limit; the SARIF report and the check run annotations hold every finding._",
    'bytes',
  ).text
}
