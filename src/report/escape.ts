/**
 * Every value from the scanned repository that is printed goes through one of these: text for the
 * GitHub Actions log (the CLI's text output is read there too) or Markdown (job summary, check run
 * summary, pull request comment, `--format markdown`). See docs/security.md.
 */

/**
 * Characters that break a line or hide or reorder text: C0 and C1 controls (CR, LF, NEL, ESC for
 * terminal sequences), DEL, the Unicode line and paragraph separators, bidirectional controls and
 * the byte order mark.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** Each control character as a visible escape (`\n`, `\r`, `\t`, `\u001b`): the text stays on one line. */
export function escapeControlCharacters(text: string): string {
  return text.replace(
    CONTROL_CHARACTERS,
    (character) => NAMED_ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/**
 * Text for one line of the Actions log, which the runner reads for workflow commands: no line
 * break (a value can never begin a line of its own), no `::` at the start of the line after
 * white space (the runner trims it, then reads `::command::`), and no `##[` anywhere (the older
 * `##[command]` form is found anywhere in a line). Per actions/runner src/Runner.Common/ActionCommand.cs
 * (TryParseV2, TryParse) and src/Runner.Worker/ActionCommandManager.cs at 258d6c857db3.
 * Annotation messages and properties are further escaped by @actions/core (`%`, CR, LF, and `:`
 * and `,` in properties) when issued through core.error/warning/notice.
 */
export function escapeWorkflowCommandText(text: string): string {
  return escapeControlCharacters(text)
    .replace(/##\[/g, '##\\[')
    .replace(/^(\s*)::/, '$1\\::')
}

/**
 * JSON text (a report printed to the log) with `##[` inside its strings written as `##\u005b`:
 * the same JSON value, but no `##[command]` for the runner. JSON has `#` only inside strings.
 */
export function escapeWorkflowCommandsInJson(json: string): string {
  return json.replace(/##\[/g, '##\\u005b')
}

/**
 * Markdown's inline syntax in plain text and table cells: emphasis, code, links and images, HTML
 * and autolinks, entities, strikethrough, math, table pipes; characters that can only start a block
 * cannot, because a value never starts a line (line breaks are shown as `\n`).
 */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>!|~&$#]/g

/**
 * Plain text for Markdown (a sentence, a list item, a table cell): shows exactly the text, renders
 * no markup or HTML, stays on one line, pings no one (`@name` and `@org/team`) and links no issue
 * (`#123`, `owner/repo#123`): a zero-width joiner after the `@` or `#` breaks GitHub's reference.
 * A URL in the text is not made a link.
 */
export function escapeMarkdown(text: string): string {
  const escaped = text
    .replace(MARKDOWN_SPECIAL, (character) => `\\${character}`)
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200d')
    .replace(/\\#(?=[0-9])/g, '\\#\u200d')
    // GFM's literal autolinks start at `://` and `www.`; with the escape they stay text (cmark-gfm's parse-time autolink).
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
  return escapeControlCharacters(escaped)
}

/**
 * A code span showing exactly `text` on one line: the fence is longer than any run of backticks in
 * it (padded with a space when the text starts or ends with a backtick or a space). In a table
 * cell (`inTable`), `|` is written `\|`, which GFM reads as part of the cell even inside code.
 * Code spans get no mentions, issue links or HTML.
 */
export function markdownCode(text: string, { inTable = false }: { inTable?: boolean } = {}): string {
  let content = escapeControlCharacters(text)
  if (inTable) content = content.replace(/\|/g, '\\|')
  if (content === '') return '` `'
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = /^[` ]|[` ]$/.test(content) ? ' ' : ''
  return `${fence}${pad}${content}${pad}${fence}`
}

/**
 * A repository path as the path of a URL: every segment percent-encoded, including the `(`, `)`,
 * `!`, `'` and `*` that encodeURIComponent keeps, so no path can end a Markdown link destination.
 */
export function encodeUrlPath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[()!'*]/g,
        (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/')
}
