/** Colours of the terminal output: ANSI SGR sequences, or nothing. */
export interface Style {
  error(text: string): string
  warning(text: string): string
  note(text: string): string
  path(text: string): string
  dim(text: string): string
}

const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`

export const COLOURS: Style = {
  error: sgr(31, 39),
  warning: sgr(33, 39),
  note: sgr(36, 39),
  path: sgr(1, 22),
  dim: sgr(2, 22),
}

const same = (text: string): string => text
export const PLAIN: Style = { error: same, warning: same, note: same, path: same, dim: same }

/**
 * Whether to colour a stream, in the order Node's own tty.WriteStream.getColorDepth reads the
 * environment (lib/internal/tty.js): --color/--no-color first; then FORCE_COLOR (`0` or `false`:
 * never, any other value: always); then NO_COLOR (set and not empty: never, per no-color.org);
 * else only on a terminal that is not `dumb`.
 */
export function wantsColour(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isTerminal: boolean,
): boolean {
  if (flag !== undefined) return flag
  const force = env['FORCE_COLOR']
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false'
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false
  return isTerminal && env['TERM'] !== 'dumb'
}
