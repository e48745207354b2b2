import path from 'node:path'
import * as core from '@actions/core'
import { actionsLog } from './actions-log.js'
import { check, type CheckResult } from './check.js'
import { ConfigError, DEFAULT_MAX_FILE_BYTES, type TrustedSettings } from './config.js'
import { loadConfig } from './config-file.js'
import { readBaseline } from './github/baseline.js'
import { createGitHubClient } from './github/client.js'
import { readGitHubContext, type GitHubContext } from './github/context.js'
import { COMMENT_MARKER, DEFAULT_COMMENT_AUTHOR } from './github/comment.js'
import { problemsNotice, publishToGitHub, type Published } from './github/publish.js'
import { selectFindings, type FindingSelection } from './github/select.js'
import { parseLiveInputs, type LiveSettings } from './live/inputs.js'
import type { Finding } from './model/finding.js'
import { includeGlobsFor, splitList } from './paths.js'
import { hiddenAnnotationsNotice, planAnnotations } from './report/annotations.js'
import { countByLevel, FAIL_ON_VALUES, findingsAtOrAbove, formatCounts, isFailOn, plural, type FailOn } from './report/counts.js'
import { formatCoverage, formatUnresolvedLine } from './report/coverage.js'
import { formatMarkdown, type MarkdownOptions } from './report/markdown.js'
import { formatPullRequestComment } from './report/pr-comment.js'
import { toSarif } from './report/sarif.js'
import { formatSarifWithinLimits } from './report/sarif-limits.js'
import { formatFindingLine } from './report/text.js'
import { truncateWithNotice } from './report/truncate.js'
import { writeOutputFile } from './write-output.js'
import { errorText } from './model/error-text.js'

/** GitHub shows at most 1 MiB of a step's job summary. */
const JOB_SUMMARY_LIMIT = 1024 * 1024

interface ActionInputs {
  workspace: string
  paths: string[]
  exclude: string[]
  scanFixtures: boolean
  config?: string
  failOn: FailOn
  sarifFile?: string
  live: LiveSettings
  githubToken: string
  onlyChanged: boolean
  baselineFile?: string
  comment: boolean
  /** helm-render, kustomize-render, max-file-bytes: the settings no file of the scanned repository may grant. */
  trusted: TrustedSettings
  commentAuthor: string
}

/** The action: inputs → check → annotations, job summary, SARIF, outputs; fails the step at `fail-on`. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs()
    const config = await loadConfig({ root: inputs.workspace, cwd: inputs.workspace, trusted: inputs.trusted, ...(inputs.config ? { configFile: inputs.config } : {}) })
    const include = await includeGlobsFor(inputs.paths, inputs.workspace)
    if (include) config.include = include
    config.exclude = [...config.exclude, ...inputs.exclude]
    if (inputs.scanFixtures) config.fixtureDirectories = []
    const baseline = inputs.baselineFile ? await readBaseline(path.resolve(inputs.workspace, inputs.baselineFile), inputs.baselineFile, inputs.workspace) : undefined

    let result = await check({ root: inputs.workspace, config })
    let liveFailure: string | undefined
    if (inputs.live.mode !== 'off') {
      // Loaded only now: the AWS SDK costs nothing when live is off.
      const { runLiveStep } = await import('./live/action.js')
      ;({ result, failure: liveFailure } = await runLiveStep({ root: inputs.workspace, config, offline: result, settings: inputs.live }))
    }
    const github = readGitHubContext()
    const client = inputs.githubToken && github ? createGitHubClient(inputs.githubToken, github.apiUrl) : undefined
    const selection = await selectFindings(result.findings, { onlyChanged: inputs.onlyChanged, ...(baseline ? { baseline } : {}), ...(client ? { client } : {}), ...(github ? { github } : {}) })
    for (const line of selection.info) actionsLog.info(line)
    for (const warning of selection.warnings) actionsLog.warning(warning, { title: 'irsa-guard' })
    const reported: CheckResult = { ...result, findings: selection.reported }
    const counts = countByLevel(reported.findings)
    logFindings(reported.findings)
    logCoverage(result)

    let sarifPath = ''
    if (inputs.sarifFile) {
      sarifPath = path.resolve(inputs.workspace, inputs.sarifFile)
      // Code scanning compares with the default branch itself: only the baseline narrows the SARIF, not only-changed.
      const accepted = new Set(selection.accepted)
      await writeSarif(sarifPath, inputs.sarifFile, inputs.workspace, { ...result, findings: result.findings.filter((finding) => !accepted.has(finding)) })
    }
    const failing = findingsAtOrAbove(reported.findings, inputs.failOn)
    const conclusion = failing.length > 0 || liveFailure ? 'failure' : 'success'
    const markdownOptions = linkOptions()
    const summary = `${formatMarkdown(reported, markdownOptions)}${selectionNote(selection)}`
    await writeJobSummary(summary)

    let published: Published = { problems: inputs.comment && !client ? ['the comment input needs the github-token input'] : [] }
    if (client && github) {
      const commentBody = inputs.comment ? formatPullRequestComment(reported, commentContext(selection, github, markdownOptions)) : undefined
      published = await publishToGitHub({ client, github, findings: reported.findings, conclusion, summary, commentAuthor: inputs.commentAuthor, ...(commentBody !== undefined ? { commentBody } : {}) })
    }
    const notice = problemsNotice(published.problems, github)
    if (published.checkRun) {
      actionsLog.info(`irsa-guard check run with ${plural(reported.findings.length, 'annotation')}: ${published.checkRun.url}`)
      if (notice) actionsLog.notice(notice, { title: 'irsa-guard' })
    } else {
      annotate(reported.findings, inputs.sarifFile, notice)
    }
    if (published.comment && published.comment.action !== 'skipped') actionsLog.info(`irsa-guard pull request comment ${published.comment.action}: ${published.comment.url}`)

    core.setOutput('errors', counts.error)
    core.setOutput('warnings', counts.warning)
    core.setOutput('notes', counts.note)
    core.setOutput('sarif-file', sarifPath)
    core.setOutput('accepted-by-baseline', selection.accepted.length)
    core.setOutput('outside-changed-files', selection.outsideChanges?.length ?? 0)
    core.setOutput('check-run-url', published.checkRun?.url ?? '')
    core.setOutput('comment-url', published.comment && published.comment.action !== 'skipped' ? published.comment.url : '')
    core.setOutput('conclusion', conclusion)
    core.setOutput('verified', result.coverage.verified)
    core.setOutput('unresolved', result.coverage.unresolved.length)
    if (failing.length > 0) {
      actionsLog.setFailed(`irsa-guard found ${formatCounts(counts)}: ${plural(failing.length, 'finding')} at or above fail-on ${inputs.failOn}`)
    }
    if (liveFailure) {
      actionsLog.setFailed(liveFailure)
    } else if (failing.length === 0) {
      actionsLog.info(`irsa-guard found ${formatCounts(counts)} in ${plural(result.scan.relevantFiles, 'IRSA-relevant file')}; nothing at or above fail-on ${inputs.failOn}`)
    }
  } catch (error) {
    const message = errorText(error)
    core.setOutput('conclusion', 'failure')
    actionsLog.setFailed(error instanceof ConfigError ? message : `irsa-guard: internal error: ${message}`)
  }
}

function readInputs(): ActionInputs {
  const failOn = core.getInput('fail-on') || 'error'
  if (!isFailOn(failOn)) throw new ConfigError(`input fail-on must be one of ${FAIL_ON_VALUES.join(', ')} (got "${failOn}")`)
  const inputs: ActionInputs = {
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    paths: splitList(core.getInput('paths') || '.'),
    exclude: splitList(core.getInput('exclude')),
    scanFixtures: booleanInput('scan-fixtures', core.getInput('scan-fixtures')),
    failOn,
    githubToken: core.getInput('github-token'),
    onlyChanged: booleanInput('only-changed', core.getInput('only-changed')),
    comment: booleanInput('comment', core.getInput('comment')),
    trusted: {
      helmRender: booleanInput('helm-render', core.getInput('helm-render')),
      kustomizeRender: booleanInput('kustomize-render', core.getInput('kustomize-render')),
      maxFileBytes: byteCountInput('max-file-bytes', core.getInput('max-file-bytes')),
    },
    commentAuthor: core.getInput('comment-author') || DEFAULT_COMMENT_AUTHOR,
    live: parseLiveInputs({
      live: core.getInput('live'),
      'aws-region': core.getInput('aws-region'),
      'role-to-assume': core.getInput('role-to-assume'),
      'role-session-name': core.getInput('role-session-name'),
      clusters: core.getInput('clusters'),
      'account-roles': core.getInput('account-roles'),
      'live-timeout-seconds': core.getInput('live-timeout-seconds'),
    }),
  }
  const config = core.getInput('config')
  if (config) inputs.config = config
  const sarifFile = core.getInput('sarif-file')
  if (sarifFile) inputs.sarifFile = sarifFile
  const baselineFile = core.getInput('baseline-file')
  if (baselineFile) inputs.baselineFile = baselineFile
  return inputs
}

/** A boolean input as YAML 1.2 spells it; empty is false. */
function booleanInput(name: string, value: string): boolean {
  if (value === '' || /^(false|False|FALSE)$/.test(value)) return false
  if (/^(true|True|TRUE)$/.test(value)) return true
  throw new ConfigError(`input ${name} must be true or false (got "${value}")`)
}

/** A whole number of bytes; empty is the default, 0 means no limit. */
function byteCountInput(name: string, value: string): number {
  if (value.trim() === '') return DEFAULT_MAX_FILE_BYTES
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value.trim()))) throw new ConfigError(`input ${name} must be a whole number of bytes (got "${value}")`)
  return Number(value.trim())
}

/** The chains verified; the unresolved ones with their reasons in a collapsed group. */
function logCoverage(result: CheckResult): void {
  const { unresolved } = result.coverage
  actionsLog.info(`irsa-guard ${formatCoverage(result.coverage)}${unresolved.length > 0 ? `, ${unresolved.length} unresolved` : ''}`)
  if (unresolved.length === 0) return
  actionsLog.startGroup(`irsa-guard unresolved chains (${unresolved.length})`)
  actionsLog.lines(unresolved.map(formatUnresolvedLine))
  actionsLog.endGroup()
}

function logFindings(findings: readonly Finding[]): void {
  if (findings.length === 0) return
  actionsLog.startGroup(`irsa-guard findings (${findings.length})`)
  actionsLog.lines(findings.map(formatFindingLine))
  actionsLog.endGroup()
}

/**
 * GitHub shows about 10 annotations per level and step: the most severe first, then one notice about
 * the rest, which also says why the check run is missing when that is why annotations are here.
 */
function annotate(findings: readonly Finding[], sarifFile: string | undefined, fallbackReason?: string): void {
  const plan = planAnnotations(findings)
  for (const finding of plan.shown) {
    const properties: core.AnnotationProperties = {
      title: finding.ruleId,
      file: finding.location.path,
      startLine: finding.location.line,
      startColumn: finding.location.column,
    }
    if (finding.level === 'error') actionsLog.error(finding.message, properties)
    else if (finding.level === 'warning') actionsLog.warning(finding.message, properties)
    else actionsLog.notice(finding.message, properties)
  }
  const hidden = hiddenAnnotationsNotice(plan.hidden, sarifFile ? `the job summary and ${sarifFile}` : 'the job summary')
  const notice = fallbackReason
    ? `${fallbackReason}. Findings are annotated on this step instead, where GitHub shows at most 10 per level${hidden ? `; ${hidden}` : ''}`
    : hidden
  if (notice) actionsLog.notice(notice, { title: 'irsa-guard' })
}

/** Links into the repository at the commit checked. */
function linkOptions(): MarkdownOptions {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = process.env
  return server && repository && sha ? { blobUrl: `${server}/${repository}/blob/${sha}` } : {}
}

/** What the baseline and only-changed left out, below the job summary. */
function selectionNote(selection: FindingSelection): string {
  const notes: string[] = []
  if (selection.accepted.length > 0) notes.push(`${plural(selection.accepted.length, 'finding')} accepted by the baseline file not shown.`)
  if (selection.outsideChanges && selection.outsideChanges.length > 0) {
    notes.push(`${plural(selection.outsideChanges.length, 'finding')} in files this pull request does not touch not reported (only-changed).`)
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
async function writeSarif(sarifPath: string, shownPath: string, workspace: string, result: CheckResult): Promise<void> {
  const { text, cuts } = formatSarifWithinLimits(toSarif(result))
  await writeOutputFile(sarifPath, text, `sarif-file ${shownPath}`, { confineTo: workspace })
  if (cuts.length > 0) actionsLog.notice(`irsa-guard cut the SARIF report to fit GitHub code scanning: ${cuts.join('; ')}`, { title: 'irsa-guard' })
}

/** The job summary within GitHub's 1 MiB a step. */
async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const { text } = truncateWithNotice(markdown, JOB_SUMMARY_LIMIT - 1024, '_The job summary is cut here to stay within GitHub\'s 1 MiB limit; the SARIF report and the check run annotations hold every finding._', 'bytes')
  await core.summary.addRaw(text, true).write()
}
