const QUOTED_ESCAPE = /\\(n|r|t|"|\\|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})|\$\$\{|%%\{/g

/**
 * A quoted string's text with its escapes resolved. `\UXXXXXXXX` above U+10FFFF is no character
 * (Terraform rejects it): it reads as U+FFFD, and `invalid` learns its index in `raw`.
 */
export function unescapeQuoted(raw: string, invalid?: (index: number) => void): string {
  return raw.replace(QUOTED_ESCAPE, (match: string, escape: string | undefined, index: number) => {
    if (match === '$${') return '${'
    if (match === '%%{') return '%{'
    switch (escape![0]) {
      case 'n':
        return '\n'
      case 'r':
        return '\r'
      case 't':
        return '\t'
      case 'u':
      case 'U': {
        const codePoint = Number.parseInt(escape!.slice(1), 16)
        if (codePoint <= 0x10ffff) return String.fromCodePoint(codePoint)
        invalid?.(index)
        return '\ufffd'
      }
      default:
        return escape!
    }
  })
}

export function unescapeHeredoc(raw: string): string {
  return raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')
}

/** The smallest indentation of the non-blank lines of a `<<-` heredoc. */
export function commonIndent(content: string): number {
  let smallest = Number.POSITIVE_INFINITY
  for (const line of content.split('\n')) {
    if (line.trim() === '') continue
    smallest = Math.min(smallest, /^[ \t]*/.exec(line)![0].length)
  }
  return Number.isFinite(smallest) ? smallest : 0
}

export function stripIndent(raw: string, indent: number, atLineStart: boolean): string {
  const lines = raw.split('\n')
  return lines
    .map((line, index) => (index > 0 || atLineStart ? line.replace(new RegExp(`^[ \\t]{0,${indent}}`), '') : line))
    .join('\n')
}
