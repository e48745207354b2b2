import * as core from '@actions/core'
import { actionsLog } from './actions-log.js'
import { parseActionInputs, type ActionOptions } from './action/inputs.js'
import { runAction, type ActionOutcome } from './action/run.js'
import type { ScanPhase } from './check.js'
import { ConfigError } from './config.js'
import { errorText } from './model/error-text.js'
import { createGitHubClient } from './github/client.js'
import { readGitHubContext } from './github/context.js'

/** The action over @actions/core: inputs from the runner, the run, then its outputs, job summary and failure. */
export async function run(): Promise<void> {
  let options: ActionOptions
  try {
    options = parseActionInputs((name) => core.getInput(name))
  } catch (error) {
    const message = errorText(error)
    return finish({
      outputs: { conclusion: 'failure' },
      failures: error instanceof ConfigError ? [...error.problems] : [`irsa-guard: internal error: ${message}`],
    })
  }
  const github = readGitHubContext()
  const client = options.githubToken && github ? createGitHubClient(options.githubToken, github.apiUrl) : undefined
  // With step debug logging on (ACTIONS_STEP_DEBUG), core.debug lines show each phase of the scan.
  const onPhase = core.isDebug() ? debugPhase : undefined
  await finish(
    await runAction(options, {
      log: actionsLog,
      ...(github ? { github } : {}),
      ...(client ? { client } : {}),
      ...(onPhase ? { onPhase } : {}),
    }),
  )
}

/** A phase of the scan as a debug line of the step's log. */
function debugPhase(phase: ScanPhase): void {
  const files =
    phase.name === 'read'
      ? `: ${phase.files} files (${[...phase.filesPerKind].map(([kind, count]) => `${kind} ${count}`).join(', ')}), ${phase.workers} worker threads`
      : ''
  core.debug(`irsa-guard: phase ${phase.name}${files}`)
}

async function finish(outcome: ActionOutcome): Promise<void> {
  if (outcome.summary !== undefined && process.env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(outcome.summary, true).write()
  for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value)
  for (const failure of outcome.failures) actionsLog.setFailed(failure)
}
