import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as core from '@actions/core'
import { check, type CheckResult } from './check.js'
import { ConfigError } from './config.js'
import { loadConfig } from './config-file.js'
import type { Finding } from './model/finding.js'
import { includeGlobsFor, splitList } from './paths.js'
import { hiddenAnnotationsNotice, planAnnotations } from './report/annotations.js'
import { countByLevel, FAIL_ON_VALUES, findingsAtOrAbove, formatCounts, isFailOn, plural, type FailOn } from './report/counts.js'
import { formatMarkdown } from './report/markdown.js'
import { formatSarif } from './report/sarif.js'
import { formatText } from './report/text.js'

interface ActionInputs {
  workspace: string
  paths: string[]
  exclude: string[]
  config?: string
  failOn: FailOn
  sarifFile?: string
}

/** The action: inputs → check → annotations, job summary, SARIF, outputs; fails the step at `fail-on`. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs()
    const config = await loadConfig({ root: inputs.workspace, cwd: inputs.workspace, ...(inputs.config ? { configFile: inputs.config } : {}) })
    const include = await includeGlobsFor(inputs.paths, inputs.workspace)
    if (include) config.include = include
    config.exclude = [...config.exclude, ...inputs.exclude]

    const result = await check({ root: inputs.workspace, config })
    const counts = countByLevel(result.findings)
    logFindings(result.findings)

    let sarifPath = ''
    if (inputs.sarifFile) {
      sarifPath = path.resolve(inputs.workspace, inputs.sarifFile)
      await mkdir(path.dirname(sarifPath), { recursive: true })
      await writeFile(sarifPath, formatSarif(result))
    }
    annotate(result.findings, inputs.sarifFile)
    await writeJobSummary(result)

    const failing = findingsAtOrAbove(result.findings, inputs.failOn)
    core.setOutput('errors', counts.error)
    core.setOutput('warnings', counts.warning)
    core.setOutput('notes', counts.note)
    core.setOutput('sarif-file', sarifPath)
    core.setOutput('conclusion', failing.length > 0 ? 'failure' : 'success')
    if (failing.length > 0) {
      core.setFailed(`irsa-guard found ${formatCounts(counts)}: ${plural(failing.length, 'finding')} at or above fail-on ${inputs.failOn}`)
    } else {
      core.info(`irsa-guard found ${formatCounts(counts)} in ${plural(result.scan.relevantFiles, 'IRSA-relevant file')}; nothing at or above fail-on ${inputs.failOn}`)
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    core.setOutput('conclusion', 'failure')
    core.setFailed(error instanceof ConfigError ? message : `irsa-guard: internal error: ${message}`)
  }
}

function readInputs(): ActionInputs {
  const failOn = core.getInput('fail-on') || 'error'
  if (!isFailOn(failOn)) throw new ConfigError(`input fail-on must be one of ${FAIL_ON_VALUES.join(', ')} (got "${failOn}")`)
  const inputs: ActionInputs = {
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    paths: splitList(core.getInput('paths') || '.'),
    exclude: splitList(core.getInput('exclude')),
    failOn,
  }
  const config = core.getInput('config')
  if (config) inputs.config = config
  const sarifFile = core.getInput('sarif-file')
  if (sarifFile) inputs.sarifFile = sarifFile
  return inputs
}

function logFindings(findings: readonly Finding[]): void {
  if (findings.length === 0) return
  core.startGroup(`irsa-guard findings (${findings.length})`)
  core.info(formatText(findings).trimEnd())
  core.endGroup()
}

/** GitHub shows about 10 annotations per level and step: the most severe first, then one notice about the rest. */
function annotate(findings: readonly Finding[], sarifFile: string | undefined): void {
  const plan = planAnnotations(findings)
  for (const finding of plan.shown) {
    const properties: core.AnnotationProperties = {
      title: finding.ruleId,
      file: finding.location.path,
      startLine: finding.location.line,
      startColumn: finding.location.column,
    }
    if (finding.level === 'error') core.error(finding.message, properties)
    else if (finding.level === 'warning') core.warning(finding.message, properties)
    else core.notice(finding.message, properties)
  }
  const notice = hiddenAnnotationsNotice(plan.hidden, sarifFile ? `the job summary and ${sarifFile}` : 'the job summary')
  if (notice) core.notice(notice, { title: 'irsa-guard' })
}

async function writeJobSummary(result: CheckResult): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = process.env
  const blobUrl = server && repository && sha ? `${server}/${repository}/blob/${sha}` : undefined
  await core.summary.addRaw(formatMarkdown(result, blobUrl ? { blobUrl } : {}), true).write()
}
