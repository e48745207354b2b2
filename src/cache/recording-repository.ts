import type { Dirent } from 'node:fs'
import type { FileBytes } from '../discover/file-bytes.js'
import { RepositoryFiles, type Unreadable } from '../sources/shared/repository-files.js'
import type { SourceFile } from '../sources/source.js'
import { sha256 } from './fact-store.js'

/** One question a source asked the repository reader, and a digest of the answer. */
export interface Observation {
  method: ObservedMethod
  path: string
  isDirectory?: boolean
  answer: string
}

const OBSERVED_METHODS = [
  'read',
  'isDirectory',
  'isFile',
  'list',
  'ignoredByGit',
  'bytesOnDisk',
  'entriesOnDisk',
  'outside',
] as const
type ObservedMethod = (typeof OBSERVED_METHODS)[number]

export function isObservation(value: unknown): value is Observation {
  const observation = value as Partial<Observation> | null
  return (
    typeof observation === 'object' &&
    observation !== null &&
    OBSERVED_METHODS.includes(observation.method as ObservedMethod) &&
    typeof observation.path === 'string' &&
    typeof observation.answer === 'string'
  )
}

/**
 * The repository reader of the sources whose units are cached: while `record` has started a
 * recording, it records every question about the disk (a file the scan did not discover, a
 * directory listing, git's ignore rules), so that the cached unit is used again only when each
 * question still has the same answer. (The text of a scanned file is recorded by the file itself,
 * see recordingFiles.) A source that asks for an absolute path runs a program or reads on its
 * own: its unit is not cached (`escaped`).
 */
export class RecordingRepositoryFiles extends RepositoryFiles {
  private observations: Observation[] | undefined
  escaped = false

  /** Starts recording the questions asked from now on (into the list returned), or stops recording. */
  record(on: boolean): Observation[] {
    this.observations = on ? [] : undefined
    this.escaped = false
    return this.observations ?? []
  }

  override read(path: string): string | Unreadable {
    if (this.discovered(path)) return super.read(path)
    return this.note('read', path, super.read(path))
  }

  override isDirectory(path: string): boolean {
    return this.note('isDirectory', path, super.isDirectory(path))
  }

  override isFile(path: string): boolean {
    return this.note('isFile', path, super.isFile(path))
  }

  override list(directory: string): { name: string; directory: boolean }[] {
    return this.note('list', directory, super.list(directory))
  }

  override ignoredByGit(path: string, isDirectory: boolean): boolean {
    const answer = super.ignoredByGit(path, isDirectory)
    this.observations?.push({ method: 'ignoredByGit', path, isDirectory, answer: digest(answer) })
    return answer
  }

  override bytesOnDisk(path: string): FileBytes {
    return this.note('bytesOnDisk', path, super.bytesOnDisk(path))
  }

  override entriesOnDisk(directory: string): Dirent[] | undefined {
    return this.note('entriesOnDisk', directory, super.entriesOnDisk(directory))
  }

  override outside(path: string): boolean {
    return this.note('outside', path, super.outside(path))
  }

  override absolute(path: string): string | undefined {
    this.escaped = true
    return super.absolute(path)
  }

  private note<T>(method: ObservedMethod, path: string, answer: T): T {
    this.observations?.push({ method, path, answer: digest(answer) })
    return answer
  }
}

/**
 * Whether every recorded question has the same answer now from this reader (one that does not
 * record). `answers` keeps the digest of each answer for the run: many units ask the same question
 * (the listing of a module directory they all call).
 */
export function observationsHold(
  observations: readonly Observation[],
  repository: RepositoryFiles,
  answers: Map<string, string>,
): boolean {
  return observations.every((observation) => {
    const question = `${observation.method}\0${observation.isDirectory === true}\0${observation.path}`
    let answer = answers.get(question)
    if (answer === undefined) answers.set(question, (answer = digest(ask(repository, observation))))
    return answer === observation.answer
  })
}

/** Notes the paths of the scanned files whose text is read while a recording runs (`paths` set). */
export class TextReads {
  paths: Set<string> | undefined
}

/** The files, each noting in `reads` when its text is read. */
export function recordingFiles(files: readonly SourceFile[], reads: TextReads): SourceFile[] {
  return files.map((file) => ({
    path: file.path,
    kind: file.kind,
    get text(): string {
      reads.paths?.add(file.path)
      return file.text
    },
  }))
}

function ask(repository: RepositoryFiles, observation: Observation): unknown {
  const { path } = observation
  switch (observation.method) {
    case 'read':
      return repository.read(path)
    case 'isDirectory':
      return repository.isDirectory(path)
    case 'isFile':
      return repository.isFile(path)
    case 'list':
      return repository.list(path)
    case 'ignoredByGit':
      return repository.ignoredByGit(path, observation.isDirectory === true)
    case 'bytesOnDisk':
      return repository.bytesOnDisk(path)
    case 'entriesOnDisk':
      return repository.entriesOnDisk(path)
    case 'outside':
      return repository.outside(path)
  }
}

function digest(answer: unknown): string {
  return sha256(JSON.stringify(answer, answerReplacer) ?? 'undefined')
}

/** Buffers arrive as their toJSON; a Dirent keeps its type in a symbol, which JSON would drop. */
function answerReplacer(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as Dirent).isSymbolicLink === 'function') {
    const entry = value as Dirent
    return { name: entry.name, file: entry.isFile(), directory: entry.isDirectory(), link: entry.isSymbolicLink() }
  }
  return value
}
