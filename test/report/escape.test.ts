import {
  encodeUrlPath,
  escapeMarkdown,
  escapeWorkflowCommandsInJson,
  escapeWorkflowCommandText,
  markdownCode,
} from '../../src/report/escape.js'

describe('escaping for the Actions log', () => {
  it('shows control characters as escapes, so text stays on one line', () => {
    expect(escapeWorkflowCommandText('a\nb\rc\r\nd\te\u001b[8m\u2028\u0085\u202e')).toBe(
      'a\\nb\\rc\\r\\nd\\te\\u001b[8m\\u2028\\u0085\\u202e',
    )
  })

  it('never starts a line with :: and never leaves ##[ anywhere', () => {
    expect(escapeWorkflowCommandText('::add-mask::x')).toBe('\\::add-mask::x')
    expect(escapeWorkflowCommandText(' \u00a0::error::x')).toBe(' \u00a0\\::error::x')
    expect(escapeWorkflowCommandText('a ##[error]b ###[c')).toBe('a ##\\[error]b ###\\[c')
    expect(escapeWorkflowCommandText('path:1:2: error: a::b')).toBe('path:1:2: error: a::b')
  })

  it('is unchanged when applied twice', () => {
    const once = escapeWorkflowCommandText('::x\n##[y')
    expect(escapeWorkflowCommandText(once)).toBe(once)
  })

  it('writes ##[ in JSON strings as the same JSON value', () => {
    const json = JSON.stringify({ message: 'a ##[add-mask]b' })
    expect(escapeWorkflowCommandsInJson(json)).toBe('{"message":"a ##\\u005badd-mask]b"}')
    expect(JSON.parse(escapeWorkflowCommandsInJson(json))).toEqual({ message: 'a ##[add-mask]b' })
  })
})

describe('escaping for Markdown', () => {
  it('escapes inline syntax and HTML, keeps text on one line, and breaks mentions and issue references', () => {
    expect(escapeMarkdown('a|b *c* _d_ <img> [e](f) ![g] `h` ~i~ $j$ &k;')).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\<img\\> \\[e\\](f) \\!\\[g\\] \\`h\\` \\~i\\~ \\$j\\$ \\&k;',
    )
    expect(escapeMarkdown('x\n# y\r\nz')).toBe('x\\n\\# y\\r\\nz')
    expect(escapeMarkdown('@org/team and @user, a@b, #12 and o/r#3 but # 4')).toBe(
      '@\u200dorg/team and @\u200duser, a@\u200db, \\#\u200d12 and o/r\\#\u200d3 but \\# 4',
    )
  })

  it('keeps URLs from becoming links', () => {
    expect(escapeMarkdown('see https://evil.example/x or WWW.evil.example')).toBe(
      'see https\\://evil.example/x or WWW\\.evil.example',
    )
  })

  it('fences a code span longer than any backtick run in it, with | escaped only in a table', () => {
    expect(markdownCode('plain')).toBe('`plain`')
    expect(markdownCode('a`b')).toBe('``a`b``')
    expect(markdownCode('``x`')).toBe('``` ``x` ```')
    expect(markdownCode(' x ')).toBe('`  x  `')
    expect(markdownCode('a|b\nc')).toBe('`a|b\\nc`')
    expect(markdownCode('a|b', { inTable: true })).toBe('`a\\|b`')
    expect(markdownCode('')).toBe('` `')
  })

  it('percent-encodes every path segment, parentheses included', () => {
    expect(encodeUrlPath("k8s/a b)(c!'*.yaml")).toBe('k8s/a%20b%29%28c%21%27%2A.yaml')
    expect(encodeUrlPath('iam/x\n#y.json')).toBe('iam/x%0A%23y.json')
  })
})
