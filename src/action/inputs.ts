import os from 'node:os'
import nodePath from 'node:path'
import { ConfigError, DEFAULT_MAX_FILE_BYTES, type TrustedSettings } from '../config.js'
import { DEFAULT_COMMENT_AUTHOR } from '../github/comment.js'
import { parseLiveInputs, type LiveSettings } from '../live/inputs.js'
import { FAIL_ON_VALUES, isFailOn, type FailOn } from '../report/counts.js'
import { splitList } from '../paths.js'

/** Where `cache: true` keeps the fact cache, below RUNNER_TEMP: the path the README's actions/cache steps restore and save. */
export const ACTION_CACHE_DIRECTORY = 'irsa-guard-cache'

/** The action's inputs, parsed and validated. */
export interface ActionOptions {
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
  /** Review comments with suggestions on the lines a pull request adds. */
  review: boolean
  /** `cache: true`: the fact cache's directory, in the runner's temporary directory (outside the workspace, which the pull request controls). */
  cacheDirectory?: string
}

/** An input's value as the runner passes it (`core.getInput`: trimmed, empty when not set). */
export type InputReader = (name: string) => string

/** The inputs of action.yml as options; an invalid one is a ConfigError naming the input. */
export function parseActionInputs(
  input: InputReader,
  env: Record<string, string | undefined> = process.env,
): ActionOptions {
  const failOn = input('fail-on') || 'error'
  if (!isFailOn(failOn))
    throw new ConfigError(`input fail-on must be one of ${FAIL_ON_VALUES.join(', ')} (got "${failOn}")`)
  const options: ActionOptions = {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    paths: splitList(input('paths') || '.'),
    exclude: splitList(input('exclude')),
    scanFixtures: booleanInput('scan-fixtures', input('scan-fixtures')),
    failOn,
    githubToken: input('github-token'),
    onlyChanged: booleanInput('only-changed', input('only-changed')),
    comment: booleanInput('comment', input('comment')),
    trusted: {
      helmRender: booleanInput('helm-render', input('helm-render')),
      kustomizeRender: booleanInput('kustomize-render', input('kustomize-render')),
      maxFileBytes: byteCountInput('max-file-bytes', input('max-file-bytes')),
    },
    commentAuthor: input('comment-author') || DEFAULT_COMMENT_AUTHOR,
    review: booleanInput('review', input('review')),
    live: parseLiveInputs(
      {
        live: input('live'),
        'aws-region': input('aws-region'),
        'role-to-assume': input('role-to-assume'),
        'role-session-name': input('role-session-name'),
        clusters: input('clusters'),
        'account-roles': input('account-roles'),
        'live-timeout-seconds': input('live-timeout-seconds'),
      },
      env,
    ),
  }
  if (booleanInput('cache', input('cache')))
    options.cacheDirectory = nodePath.join(env.RUNNER_TEMP || os.tmpdir(), ACTION_CACHE_DIRECTORY)
  const config = input('config')
  if (config) options.config = config
  const sarifFile = input('sarif-file')
  if (sarifFile) options.sarifFile = sarifFile
  const baselineFile = input('baseline-file')
  if (baselineFile) options.baselineFile = baselineFile
  return options
}

/** A boolean input as YAML 1.2 spells it; empty is false. */
function booleanInput(name: string, value: string): boolean {
  if (value === '' || /^(false|False|FALSE)$/.test(value)) return false
  if (/^(true|True|TRUE)$/.test(value)) return true
  throw new ConfigError(`input ${name} must be true or false (got "${value}")`)
}

/** A whole number of bytes; empty is the default, 0 means no limit. */
function byteCountInput(name: string, value: string): number {
  const trimmed = value.trim()
  if (trimmed === '') return DEFAULT_MAX_FILE_BYTES
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(Number(trimmed)))
    throw new ConfigError(`input ${name} must be a whole number of bytes (got "${value}")`)
  return Number(trimmed)
}
