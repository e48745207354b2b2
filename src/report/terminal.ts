import { getOrCreate } from '../collections.js'
import type { Finding } from '../model/finding.js'
import { PLAIN, type Style } from '../terminal/style.js'
import { escapeWorkflowCommandText } from './escape.js'

export interface TerminalLayout {
  /** The terminal's width in columns. */
  columns: number
  style?: Style
}

/** `oidc.eks.REGION.amazonaws.com[.cn]/id/ID`, with or without `https://`. */
const EKS_ISSUER = /(?:https:\/\/)?oidc\.eks\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/id\/([0-9A-Za-z]+)/g

/** An EKS issuer as `eks:REGION/ID`: what tells two clusters apart, in a fifth of the width. */
export function shortenIssuers(text: string): string {
  return text.replace(EKS_ISSUER, 'eks:$1/$2')
}

/**
 * The text report for a person at a terminal: findings grouped under their file, each as
 * `line:column  level  message [rule-id]`, the message wrapped to the terminal's width below its
 * own start, and EKS issuers shortened. Every value is escaped as in the one-line format, so no
 * control character from the repository reaches the terminal.
 */
export function formatTerminal(findings: readonly Finding[], layout: TerminalLayout): string {
  const style = layout.style ?? PLAIN
  const byFile = new Map<string, Finding[]>()
  for (const finding of findings) getOrCreate(byFile, finding.location.path, () => []).push(finding)
  const positionWidth = Math.max(
    0,
    ...findings.map((finding) => `${finding.location.line}:${finding.location.column}`.length),
  )
  const levelWidth = Math.max(0, ...findings.map((finding) => finding.level.length))
  const indent = 2 + positionWidth + 2 + levelWidth + 2
  const width = Math.max(indent + 20, layout.columns)
  const blocks: string[] = []
  for (const [file, list] of byFile) {
    const lines = [style.path(escapeWorkflowCommandText(file))]
    for (const finding of list) {
      const position = `${finding.location.line}:${finding.location.column}`.padEnd(positionWidth)
      const level = colourLevel(style, finding.level, finding.level.padEnd(levelWidth))
      const words = escapeWorkflowCommandText(shortenIssuers(finding.message)).split(' ')
      const wrapped = wrapWords([...words, `[${finding.ruleId}]`], width - indent)
      const last = wrapped.length - 1
      // The rule id is dimmed where it ends the last line.
      wrapped[last] = wrapped[last]!.replace(/\[[^\]]*\]$/, (ruleId) => style.dim(ruleId))
      lines.push(`  ${style.dim(position)}  ${level}  ${wrapped[0]}`)
      for (const line of wrapped.slice(1)) lines.push(`${' '.repeat(indent)}${line}`)
    }
    blocks.push(lines.join('\n'))
  }
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`
}

function colourLevel(style: Style, level: Finding['level'], text: string): string {
  return level === 'error' ? style.error(text) : level === 'warning' ? style.warning(text) : style.note(text)
}

/** Words joined into lines of at most `width` characters; a longer word stays whole on its own line. */
function wrapWords(words: readonly string[], width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    if (word === '') continue
    if (line === '') line = word
    else if (line.length + 1 + word.length <= width) line += ` ${word}`
    else {
      lines.push(line)
      line = word
    }
  }
  lines.push(line)
  return lines
}
