/** A place in a scanned file. `path` is repository-relative and `/`-separated; line and column are 1-based. */
export interface Location {
  path: string
  line: number
  column: number
  endLine?: number
  endColumn?: number
}

export function fileLocation(path: string): Location {
  return { path, line: 1, column: 1 }
}

export function formatLocation(location: Location): string {
  return `${location.path}:${location.line}`
}
