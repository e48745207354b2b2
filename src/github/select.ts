import type { Finding } from '../model/finding.js'
import { partitionByChangedFiles } from '../report/changed.js'
import { plural } from '../report/counts.js'
import { partitionByBaseline, type Baseline } from './baseline.js'
import { listChangedFiles } from './changed-files.js'
import { describeApiError, type GitHubClient } from './client.js'
import type { GitHubContext } from './context.js'

export interface SelectionOptions {
  baseline?: Baseline
  onlyChanged: boolean
  client?: GitHubClient
  github?: GitHubContext
}

export interface FindingSelection {
  /** What the run reports and fails on. */
  reported: Finding[]
  /** Accepted by the baseline file. */
  accepted: Finding[]
  /** Left out by only-changed: their chain touches no changed file. Undefined when only-changed did not apply. */
  outsideChanges?: Finding[]
  /** Lines for the log. */
  info: string[]
  /** Why only-changed could not be honoured (then everything is reported). */
  warnings: string[]
}

/** The baseline first, then (with only-changed, on a pull request) the findings that touch a changed file. */
export async function selectFindings(
  findings: readonly Finding[],
  options: SelectionOptions,
): Promise<FindingSelection> {
  const { reported: afterBaseline, accepted } = options.baseline
    ? partitionByBaseline(findings, options.baseline)
    : { reported: [...findings], accepted: [] }
  const selection: FindingSelection = { reported: afterBaseline, accepted, info: [], warnings: [] }
  if (accepted.length > 0) selection.info.push(`${plural(accepted.length, 'finding')} accepted by the baseline file`)
  if (!options.onlyChanged) return selection

  const pullRequest = options.github?.pullRequest
  if (!options.github || !pullRequest) {
    selection.info.push(
      `only-changed applies to pull_request events; this is ${options.github?.eventName ? `a ${options.github.eventName} event` : 'not a pull request'}, so every finding is reported`,
    )
    return selection
  }
  if (!options.client) {
    selection.warnings.push(
      'only-changed needs the github-token input to list the files the pull request changes; every finding is reported',
    )
    return selection
  }
  try {
    const changed = await listChangedFiles(
      options.client,
      { owner: options.github.owner, repo: options.github.repo },
      pullRequest.number,
    )
    if (changed.incomplete) {
      selection.warnings.push(
        `pull request #${pullRequest.number} changes more files than GitHub lists (${changed.paths.size}); every finding is reported`,
      )
      return selection
    }
    const { reported, outside } = partitionByChangedFiles(afterBaseline, changed.paths)
    selection.reported = reported
    selection.outsideChanges = outside
    selection.info.push(
      `only-changed: pull request #${pullRequest.number} changes ${plural(changed.paths.size, 'file')}; ${plural(reported.length, 'finding')} touching them reported, ${outside.length} elsewhere not reported`,
    )
  } catch (error) {
    selection.warnings.push(
      `only-changed could not list the files of pull request #${pullRequest.number} (${describeApiError(error)}); every finding is reported`,
    )
  }
  return selection
}
