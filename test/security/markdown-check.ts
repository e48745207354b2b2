import MarkdownIt from 'markdown-it'

/** CommonMark with GFM tables and raw HTML, as GitHub renders a job summary, check run summary or comment. */
const renderer = new MarkdownIt({ html: true })

/** The links irsa-guard itself puts into its Markdown. */
const OWN_LINKS = [
  /^https:\/\/github\.com\/irsa-guard\/irsa-guard\/blob\/main\/docs\/rules\/[a-z0-9-]+\.md$/,
  /^https:\/\/github\.com\/octo-org\/payments-platform\/(blob\/[0-9a-f]{40}\/[^()\s]*#L\d+|actions\/runs\/\d+)$/,
]

export interface MarkdownLimits {
  /** `<details>` blocks irsa-guard writes itself (the comment's remedies, the list of unresolved chains). */
  details?: number
  /** Bold runs irsa-guard writes itself (the summary's counts, the chain coverage line). */
  strong?: number
  /** Emphasis irsa-guard writes itself (the notice of a comment cut to GitHub's size limit). */
  em?: number
  /** HTML comments irsa-guard writes itself (the comment's marker). */
  comments?: number
}

/**
 * What repository text made of a Markdown document once rendered, as a list of problems: HTML
 * elements or comments, links or images irsa-guard did not write, emphasis, headings, table rows
 * with a cell too many, live `@mentions` or `#123` references outside code. Empty when every value
 * rendered as text.
 */
export function markdownProblems(markdown: string, limits: MarkdownLimits = {}): string[] {
  const problems: string[] = []
  // A Mermaid diagram is code GitHub draws: each line must be one of the statements irsa-guard writes, with labels Mermaid takes as text.
  const html = renderer
    .render(markdown)
    .replace(/<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g, (_, source: string) => {
      problems.push(...mermaidProblems(decodeEntities(source)))
      return ''
    })
  const count = (pattern: RegExp) => (html.match(pattern) ?? []).length
  const allowedTags = new Set([
    'h2',
    'h3',
    'h4',
    'p',
    'strong',
    'code',
    'a',
    'br',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'ul',
    'li',
    'details',
    'summary',
    'sub',
  ])
  for (const [, tag] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)) {
    if (tag!.toLowerCase() === 'em') continue
    if (!allowedTags.has(tag!.toLowerCase())) problems.push(`element <${tag}>`)
  }
  for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    if (
      !/^<(\/?[a-z0-9]+|a href="[^"]*"|th|td)>$/.test(tag) &&
      !/^<t[hd] style="text-align:(left|right|center)">$/.test(tag)
    )
      problems.push(`tag with attributes ${tag}`)
  }
  for (const [, href] of html.matchAll(/<a href="([^"]*)">/g)) {
    const url = decodeEntities(href!)
    if (!OWN_LINKS.some((pattern) => pattern.test(url))) problems.push(`link to ${url}`)
  }
  if (count(/<details>/g) > (limits.details ?? 0)) problems.push(`${count(/<details>/g)} <details>`)
  if (count(/<em>/g) > (limits.em ?? 0)) problems.push(`${count(/<em>/g)} <em>`)
  if (count(/<strong>/g) > (limits.strong ?? 0)) problems.push(`${count(/<strong>/g)} <strong>`)
  if (count(/<!--/g) > (limits.comments ?? 0)) problems.push(`${count(/<!--/g)} HTML comments`)
  for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
    const rows = table.match(/<tr>[\s\S]*?<\/tr>/g) ?? []
    const cells = rows.map((row) => (row.match(/<t[hd][ >]/g) ?? []).length)
    if (new Set(cells).size > 1) problems.push(`table rows with ${cells.join(', ')} cells`)
  }
  const text = decodeEntities(html.replace(/<code>[\s\S]*?<\/code>/g, '').replace(/<[^>]*>/g, ''))
  for (const [mention] of text.matchAll(/(?<![\w@])@[A-Za-z0-9][\w-]*(\/[\w-]+)?/g)) problems.push(`mention ${mention}`)
  for (const [reference] of text.matchAll(/(?<![\w&])#\d+/g)) problems.push(`reference ${reference}`)
  return problems
}

const MERMAID_LABEL = '"(?:[^"`<>&#;%\\n\\r]|<br/>)*"'
const MERMAID_STATEMENTS = [
  /^flowchart LR$/,
  new RegExp(`^  [a-z0-9]+\\[${MERMAID_LABEL}\\]$`),
  new RegExp(`^  [a-z0-9]+ -->(\\|${MERMAID_LABEL}\\|)? [a-z0-9]+$`),
  /^ {2}linkStyle [0-9,]+ stroke:#d1242f,stroke-width:3px,color:#d1242f$/,
]

/** The lines of a Mermaid diagram that are not one of the statements irsa-guard writes. */
export function mermaidProblems(source: string): string[] {
  return source
    .replace(/\n$/, '')
    .split('\n')
    .filter((line) => !MERMAID_STATEMENTS.some((statement) => statement.test(line)))
    .map((line) => `mermaid line ${JSON.stringify(line)}`)
}

/** The text a reader sees: tags removed, entities decoded, the zero-width joiners that break mentions dropped. */
export function renderedText(markdown: string): string {
  return decodeEntities(renderer.render(markdown).replace(/<[^>]*>/g, '')).replace(/\u200d/g, '')
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
}
