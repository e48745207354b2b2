import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const created: string[] = []

/** Writes a repository of files into a new temporary directory and returns its path. */
export function tempRepo(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'irsa-guard-test-'))
  created.push(root)
  for (const [name, content] of Object.entries(files)) writeRepoFile(root, name, content)
  return root
}

export function writeRepoFile(root: string, name: string, content: string | Buffer): void {
  const target = path.join(root, name)
  mkdirSync(path.dirname(target), { recursive: true })
  writeFileSync(target, content)
}

/** Removes every directory tempRepo made (call in afterAll). */
export function removeTempRepos(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true })
}
