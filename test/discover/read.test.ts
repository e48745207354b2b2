import { decodeText } from '../../src/discover/read.js'
import { linesOf, scan } from '../helpers.js'
import { removeTempRepos, tempRepo } from './temp-repo.js'

afterAll(removeTempRepos)

describe('decodeText', () => {
  it('strips a UTF-8 byte-order mark', () => {
    expect(decodeText('a.yaml', Buffer.from('\uFEFFkind: x\n', 'utf8'))).toEqual({ ok: true, text: 'kind: x\n' })
  })

  it('decodes UTF-16 with either byte order', () => {
    const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: Pod\n', 'utf16le')])
    const bigEndian = Buffer.from(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: Pod\n', 'utf16le')]).swap16(),
    )
    expect(decodeText('a.yaml', littleEndian)).toEqual({ ok: true, text: 'kind: Pod\n' })
    expect(decodeText('a.yaml', bigEndian)).toEqual({ ok: true, text: 'kind: Pod\n' })
  })

  it('normalises CRLF and lone CR line ends without moving any line', () => {
    expect(decodeText('a.yaml', Buffer.from('a: 1\r\nb: 2\rc: 3\r\n'))).toEqual({
      ok: true,
      text: 'a: 1\nb: 2\nc: 3\n',
    })
  })

  it('treats a NUL byte in the first 8000 bytes as binary, with a note only for relevant names', () => {
    const bytes = Buffer.from('ab\0cd')
    expect(decodeText('x.json', bytes)).toEqual({
      ok: false,
      finding: {
        ruleId: 'parse-error',
        level: 'note',
        location: { path: 'x.json', line: 1, column: 1 },
        message:
          'Skipped x.json: it is binary (a NUL byte at offset 2), not text; exclude it, or save it as UTF-8 text',
        key: 'skipped:x.json',
      },
    })
    expect(decodeText('x.png', bytes)).toEqual({ ok: false })
    const late = decodeText('late.yaml', Buffer.concat([Buffer.alloc(8000, 0x61), Buffer.from([0])]))
    expect(late.ok && late.text.length).toBe(8001)
  })

  it('treats UTF-16 that decodes to NUL characters as binary', () => {
    expect(decodeText('a.yaml', Buffer.from([0xff, 0xfe, 0x61, 0, 0, 0]))).toMatchObject({
      ok: false,
      finding: {
        message: 'Skipped a.yaml: it holds NUL characters, so it is not text; exclude it, or save it as UTF-8 text',
      },
    })
  })

  it('reports UTF-32 instead of misreading it', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0])
    expect(decodeText('a.yaml', bytes)).toMatchObject({
      ok: false,
      finding: { message: 'Skipped a.yaml: it is UTF-32 text; save it as UTF-8' },
    })
  })
})

describe('encodings through the engine', () => {
  const manifest = [
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    '  name: app',
    '  namespace: prod',
    '  annotations:',
    '    eks.amazonaws.com/role-arn: "arn:aws:iam::210987654321:role/app"',
    '',
  ]

  it('gives the same lines and columns for LF, CRLF, BOM and UTF-16 files', async () => {
    const root = tempRepo({
      'lf.yaml': manifest.join('\n'),
      'crlf.yaml': manifest.join('\r\n'),
      'bom.yaml': `\uFEFF${manifest.join('\r\n')}`,
      'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(manifest.join('\r\n'), 'utf16le')]),
    })
    const result = await scan(root)
    const located = result.graph.facts.serviceAccounts
      .map(
        (account) =>
          `${account.location.path}:${account.roleArn?.location.line}:${account.roleArn?.location.column} ${account.roleArn?.kind === 'known' ? account.roleArn.value : ''}`,
      )
      .sort()
    expect(located).toEqual([
      'bom.yaml:7:33 arn:aws:iam::210987654321:role/app',
      'crlf.yaml:7:33 arn:aws:iam::210987654321:role/app',
      'lf.yaml:7:33 arn:aws:iam::210987654321:role/app',
      'utf16.yaml:7:33 arn:aws:iam::210987654321:role/app',
    ])
    expect(linesOf(result, 'parse-error')).toEqual([])
  })
})
