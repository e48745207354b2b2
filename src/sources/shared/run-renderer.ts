import { spawnSync } from 'node:child_process'
import { accessSync, constants, mkdirSync, mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import nodePath from 'node:path'

export type RenderOutcome = { ok: true; text: string } | { ok: false; reason: string; missingTool?: boolean }

/** The run's scratch directory (removed after it), and an empty directory inside it. */
export interface ScratchDirectories {
  scratch: string
  empty: string
}

const RENDER_TIMEOUT_MS = 60_000
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024
/** A proxy nobody listens on (the discard port): any HTTP(S) fetch a renderer tries fails at once. */
const NO_NETWORK_PROXY = 'http://127.0.0.1:9'

/**
 * Runs a renderer found on the PATH, never a file of the scanned repository: relative PATH
 * entries and directories inside `root` are skipped. The tool runs in a fresh scratch directory
 * with no shell, a time limit (then SIGKILL), an output cap, and an environment holding nothing
 * of ours: an empty PATH (so it can start no git or plugin), an empty HOME, plugin and config
 * directories, no kubeconfig, and a proxy that refuses every connection. Every argument comes
 * from the caller, who puts `--` before positionals and validates what the repository gave.
 */
export function runRenderer(
  command: string,
  args: readonly string[],
  root: string,
  toolEnvironment: (scratch: ScratchDirectories) => Record<string, string> = () => ({}),
): RenderOutcome {
  const path = trustedPath(root)
  const executable = findExecutable(command, path)
  if (!executable) return { ok: false, reason: `${command} is not on the PATH`, missingTool: true }
  const scratch = mkdtempSync(nodePath.join(tmpdir(), 'irsa-guard-run-'))
  try {
    const empty = nodePath.join(scratch, 'empty')
    mkdirSync(empty)
    const result = spawnSync(executable, args, {
      cwd: scratch,
      encoding: 'utf8',
      timeout: RENDER_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      maxBuffer: MAX_OUTPUT_BYTES,
      shell: false,
      windowsHide: true,
      env: {
        PATH: empty,
        HOME: scratch,
        XDG_CONFIG_HOME: nodePath.join(scratch, 'config'),
        XDG_CACHE_HOME: nodePath.join(scratch, 'cache'),
        XDG_DATA_HOME: nodePath.join(scratch, 'data'),
        KUBECONFIG: nodePath.join(scratch, 'irsa-guard-no-kubeconfig'),
        HTTP_PROXY: NO_NETWORK_PROXY,
        HTTPS_PROXY: NO_NETWORK_PROXY,
        http_proxy: NO_NETWORK_PROXY,
        https_proxy: NO_NETWORK_PROXY,
        NO_PROXY: '',
        no_proxy: '',
        ...toolEnvironment({ scratch, empty }),
      },
    })
    if (result.error) {
      const code = (result.error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return { ok: false, reason: `${command} is not on the PATH`, missingTool: true }
      if (code === 'ETIMEDOUT')
        return { ok: false, reason: `${command} did not finish within ${RENDER_TIMEOUT_MS / 1000} seconds` }
      if (code === 'ENOBUFS')
        return { ok: false, reason: `${command} printed more than ${MAX_OUTPUT_BYTES / (1024 * 1024)} MB` }
      return { ok: false, reason: `${command} could not run (${code ?? result.error.message})` }
    }
    if (result.status !== 0) return { ok: false, reason: `${command} failed: ${firstError(result.stderr)}` }
    return { ok: true, text: result.stdout }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** The absolute PATH directories outside the scanned repository. */
function trustedPath(root: string): string[] {
  const rootReal = realpathOr(root)
  return (process.env.PATH ?? '').split(nodePath.delimiter).filter((directory) => {
    if (!nodePath.isAbsolute(directory)) return false
    const relative = nodePath.relative(rootReal, realpathOr(directory))
    return relative.startsWith('..') || nodePath.isAbsolute(relative)
  })
}

function findExecutable(command: string, path: readonly string[]): string | undefined {
  for (const directory of path) {
    const candidate = nodePath.join(directory, command)
    try {
      if (!statSync(candidate).isFile()) continue
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      continue
    }
  }
  return undefined
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return nodePath.resolve(path)
  }
}

/** The useful part of a renderer's error output (kubectl wraps it as `… "command failed" err="…"`). */
function firstError(stderr: string): string {
  const wrapped = /err="((?:[^"\\]|\\.)*)"/.exec(stderr)
  if (wrapped) return wrapped[1]!.replace(/\\"/g, '"').replace(/\\\\/g, '\\')
  const line = stderr
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text !== '' && !text.startsWith('# Warning') && !/^W\d{4} /.test(text))
  return (line ?? 'no error output').replace(/^Error:\s*/, '')
}

/**
 * `kubectl kustomize` (or `kustomize build`) of one directory of the repository (an absolute path
 * irsa-guard resolved inside the root): no Helm, no plugins (so no exec or container functions), files
 * only below the kustomization (kustomize's root-only load restrictor resolves links), and `--`
 * before the directory.
 */
export function renderKustomization(absoluteDirectory: string, root: string): RenderOutcome {
  const flags = [
    '--enable-helm=false',
    '--enable-alpha-plugins=false',
    '--network=false',
    '--load-restrictor=LoadRestrictionsRootOnly',
  ]
  const kubectl = runRenderer('kubectl', ['kustomize', ...flags, '--', absoluteDirectory], root)
  if (kubectl.ok || !kubectl.missingTool) return kubectl
  const kustomize = runRenderer('kustomize', ['build', ...flags, '--', absoluteDirectory], root)
  if (kustomize.ok || !kustomize.missingTool) return kustomize
  return { ok: false, reason: 'neither kubectl nor kustomize is on the PATH', missingTool: true }
}
