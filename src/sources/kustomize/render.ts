import { spawnSync } from 'node:child_process'
import { accessSync, constants, realpathSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import nodePath from 'node:path'

export type RenderOutcome = { ok: true; text: string } | { ok: false; reason: string; missingTool?: boolean }

const RENDER_TIMEOUT_MS = 60_000
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024

/**
 * Runs a renderer found on the PATH, never a file of the scanned repository: relative PATH
 * entries and directories inside `root` are skipped, and the tool runs in a scratch directory
 * with no shell, a timeout, and an environment that holds only that PATH and a scratch HOME (no
 * kubeconfig, no plugin directories, no credentials).
 */
export function runRenderer(command: string, args: readonly string[], root: string): RenderOutcome {
  const path = trustedPath(root)
  const executable = findExecutable(command, path)
  if (!executable) return { ok: false, reason: `${command} is not on the PATH`, missingTool: true }
  const scratch = tmpdir()
  const result = spawnSync(executable, args, {
    cwd: scratch,
    encoding: 'utf8',
    timeout: RENDER_TIMEOUT_MS,
    maxBuffer: MAX_OUTPUT_BYTES,
    shell: false,
    windowsHide: true,
    env: { PATH: path.join(nodePath.delimiter), HOME: scratch, KUBECONFIG: nodePath.join(scratch, 'irsa-guard-no-kubeconfig'), HELM_PLUGINS: scratch, XDG_CONFIG_HOME: scratch },
  })
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { ok: false, reason: `${command} is not on the PATH`, missingTool: true }
    if (code === 'ETIMEDOUT') return { ok: false, reason: `${command} did not finish within ${RENDER_TIMEOUT_MS / 1000} seconds` }
    return { ok: false, reason: `${command} could not run (${code ?? result.error.message})` }
  }
  if (result.status !== 0) return { ok: false, reason: `${command} failed: ${firstError(result.stderr)}` }
  return { ok: true, text: result.stdout }
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

/** `kubectl kustomize` (or `kustomize build`) of one directory: no Helm, no plugins, no network. */
export function renderKustomization(absoluteDirectory: string, root: string): RenderOutcome {
  const flags = ['--enable-helm=false', '--enable-alpha-plugins=false', '--network=false']
  const kubectl = runRenderer('kubectl', ['kustomize', absoluteDirectory, ...flags], root)
  if (kubectl.ok || !kubectl.missingTool) return kubectl
  const kustomize = runRenderer('kustomize', ['build', absoluteDirectory, ...flags], root)
  if (kustomize.ok || !kustomize.missingTool) return kustomize
  return { ok: false, reason: 'neither kubectl nor kustomize is on the PATH', missingTool: true }
}
