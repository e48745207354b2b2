/**
 * What yaml-fast-diff.mjs and hcl-fast-diff.mjs share: the arguments, the files to compare, the
 * share of files and characters a fast parser takes, and the deterministic one-character edits.
 * Each script gives `compare(name, text)`, which answers `{ outcome: 'taken' | 'declined' |
 * 'different', error }` (error: the parser it stands in for reports a syntax error) and counts
 * and prints its own differences.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** `--sample N`, `--fuzz N`, the given flags and the directories; prints `usage` and exits 2 without a directory. */
export function parseArguments(usage, flags = []) {
  const args = process.argv.slice(2)
  const option = (name) => {
    const at = args.indexOf(name)
    if (at === -1) return 0
    const value = Number(args[at + 1])
    args.splice(at, 2)
    return value
  }
  const flag = (name) => {
    const at = args.indexOf(name)
    if (at === -1) return false
    args.splice(at, 1)
    return true
  }
  const parsed = { sample: option('--sample'), fuzz: option('--fuzz') }
  for (const name of flags) parsed[name.replace(/^--/, '')] = flag(name)
  if (args.length === 0) {
    process.stderr.write(`usage: ${usage}\n`)
    process.exit(2)
  }
  return { ...parsed, directories: args }
}

/** The files under the directories whose names match, sorted; every `sample`-th share of them when sample > 0. */
export function filesUnder(directories, pattern, sample) {
  const files = []
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name)
      if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules') walk(full)
      else if (entry.isFile() && pattern.test(entry.name)) files.push(full)
    }
  }
  for (const directory of directories) walk(path.resolve(directory))
  files.sort()
  const step = sample > 0 ? Math.max(1, Math.floor(files.length / sample)) : 1
  return files.filter((_file, index) => index % step === 0)
}

/** Compares every file, prints the share the fast parser takes, and returns the texts. */
export function compareFiles(files, compare) {
  const counts = { files: files.length, taken: 0, characters: 0, takenCharacters: 0 }
  const texts = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    texts.push(text)
    counts.characters += text.length
    if (compare(file, text).outcome === 'taken') {
      counts.taken++
      counts.takenCharacters += text.length
    }
  }
  process.stdout.write(
    `${counts.files} files: the fast parser takes ${counts.taken} (${((100 * counts.taken) / counts.files).toFixed(1)}%), ` +
      `${((100 * counts.takenCharacters) / counts.characters).toFixed(1)}% of ${(counts.characters / 1e6).toFixed(2)} M characters\n`,
  )
  return texts
}

/**
 * `fuzz` random one-character edits (deleted, inserted or replaced; the same ones on every run) of
 * the texts, each compared as `edit-N.<extension>`; prints how many were taken and declined, and
 * whether every edit `reference` (the slower parser) finds an error in was declined.
 */
export function compareEdits(texts, fuzz, extension, reference, compare) {
  let state = 12345
  const random = (limit) => {
    state = (state * 1103515245 + 12345) % 2147483648
    return Math.floor((state / 2147483648) * limit)
  }
  const characters = '{}[]()"$%#/*\n =.,:?!<>-~\\a1_\'`\t\r&|;@^0x'
  const edits = { taken: 0, declined: 0, errors: 0, errorsDeclined: 0 }
  const candidates = texts.filter((text) => text.length > 0 && text.length < 200_000)
  for (let edit = 0; edit < fuzz; edit++) {
    const text = candidates[random(candidates.length)]
    const at = random(text.length)
    const character = characters[random(characters.length)]
    const kind = random(3)
    const edited =
      kind === 0
        ? text.slice(0, at) + text.slice(at + 1)
        : text.slice(0, at) + character + text.slice(at + (kind === 1 ? 0 : 1))
    const { outcome, error } = compare(`edit-${edit}.${extension}`, edited)
    if (error) edits.errors++
    if (outcome === 'declined') {
      edits.declined++
      if (error) edits.errorsDeclined++
    } else if (outcome === 'taken') edits.taken++
  }
  process.stdout.write(
    `${fuzz} one-character edits: ${edits.taken} taken and identical, ${edits.declined} declined ` +
      `(${reference} finds a syntax error in ${edits.errors}, all of them among the declined: ${edits.errors === edits.errorsDeclined})\n`,
  )
}
