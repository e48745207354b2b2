import * as core from '@actions/core'
import { actionsLog } from '../actions-log.js'
import { check, type CheckResult } from '../check.js'
import type { Config } from '../config.js'
import { liveRules } from '../rules/live-rules.js'
import { formatSeconds } from './budget.js'
import { confirmLive } from './confirm.js'
import type { LiveSettings } from './inputs.js'

export interface LiveStepInput {
  root: string
  config: Config
  /** The offline result: its graph says what to read. */
  offline: CheckResult
  settings: LiveSettings
}

export interface LiveStepResult {
  /** The findings with the live rules run on the live facts (the offline result when live confirmation did not run). */
  result: CheckResult
  /** Set when `live: required` and confirmation could not run or is incomplete: the step fails with it. */
  failure?: string
}

/**
 * The action's live step (loaded only when `live` is not off, so the AWS SDK costs nothing
 * otherwise): reads AWS, then checks again with the live facts and rules. With `auto`, no
 * credentials means one notice and the offline result.
 */
export async function runLiveStep(input: LiveStepInput): Promise<LiveStepResult> {
  const { settings } = input
  const outcome = await confirmLive(input.offline.graph, {
    settings,
    config: input.config,
    env: process.env,
    mask: core.setSecret,
  })
  if (!outcome.ran) {
    if (settings.mode === 'required')
      return {
        result: input.offline,
        failure: `live: required, but live confirmation could not run: ${outcome.reason}`,
      }
    actionsLog.notice(`live confirmation skipped, checked the repository only: ${outcome.reason}`, {
      title: 'irsa-guard live',
    })
    return { result: input.offline }
  }
  const { observations } = outcome
  if (outcome.calls === 0 && observations.roles.length === 0) {
    actionsLog.info('irsa-guard live: nothing to confirm (no ServiceAccount names a role)')
    return { result: input.offline }
  }
  actionsLog.info(
    `irsa-guard live: ${observations.roles.length} ${observations.roles.length === 1 ? 'role' : 'roles'}, ${observations.providers.length} OIDC ` +
      `${observations.providers.length === 1 ? 'provider' : 'providers'}, ${observations.clusters.length} ${observations.clusters.length === 1 ? 'cluster' : 'clusters'} ` +
      `read in ${outcome.calls} AWS calls (${formatSeconds(outcome.elapsedMs)}) with ${outcome.credentials}; ${observations.gaps.length} could not be confirmed`,
  )
  const result = await check({
    root: input.root,
    config: input.config,
    extraFacts: { live: [observations] },
    extraRules: liveRules,
  })
  const incomplete = result.findings.filter((finding) => finding.ruleId === 'live-check-incomplete').length
  if (settings.mode === 'required' && incomplete > 0) {
    return {
      result,
      failure: `live: required, but live confirmation is incomplete: ${incomplete} ${incomplete === 1 ? 'thing' : 'things'} could not be confirmed (see the live-check-incomplete findings)`,
    }
  }
  return { result }
}
