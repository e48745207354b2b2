import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { readCandidate } from '../../src/discover/read.js'
import { removeTempRepos, tempRepo } from './temp-repo.js'

afterAll(removeTempRepos)

/** The first read takes this many bytes; larger files are read in a second step. */
const FIRST_READ_BYTES = 64 * 1024

function candidateIn(root: string, name: string): { path: string; absolutePath: string } {
  return { path: name, absolutePath: path.join(root, name) }
}

describe('readCandidate', () => {
  it('reads files shorter than, exactly as long as, and longer than the first read whole', () => {
    const line = 'key: välue ✓\n'
    const short = 'apiVersion: v1\nkind: ConfigMap\n'
    // Multi-byte characters straddle the end of the first read in the longer files.
    const exact = Buffer.concat([Buffer.alloc(FIRST_READ_BYTES - 2, 0x61), Buffer.from('é')])
    const long = Buffer.from(line.repeat(Math.ceil((3 * FIRST_READ_BYTES) / Buffer.byteLength(line))))
    const root = tempRepo({ 'short.yaml': short, 'exact.yaml': exact, 'long.yaml': long, 'empty.yaml': '' })
    expect(readCandidate(candidateIn(root, 'short.yaml'), 0)).toEqual({ ok: true, text: short })
    expect(readCandidate(candidateIn(root, 'exact.yaml'), 0)).toEqual({ ok: true, text: exact.toString('utf8') })
    expect(readCandidate(candidateIn(root, 'long.yaml'), 2 * 1024 * 1024)).toEqual({
      ok: true,
      text: long.toString('utf8'),
    })
    expect(readCandidate(candidateIn(root, 'empty.yaml'), 10)).toEqual({ ok: true, text: '' })
  })

  it('decodes a BOM, UTF-16 and CRLF in files of either size', () => {
    const crlf = 'a: 1\r\n'.repeat(20000)
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: Pod\r\n'.repeat(8000), 'utf16le')])
    const root = tempRepo({ 'bom.yaml': '\uFEFFkind: x\n', 'crlf.yaml': crlf, 'utf16.yaml': utf16 })
    expect(readCandidate(candidateIn(root, 'bom.yaml'), 0)).toEqual({ ok: true, text: 'kind: x\n' })
    expect(readCandidate(candidateIn(root, 'crlf.yaml'), 0)).toEqual({ ok: true, text: 'a: 1\n'.repeat(20000) })
    expect(readCandidate(candidateIn(root, 'utf16.yaml'), 0)).toEqual({ ok: true, text: 'kind: Pod\n'.repeat(8000) })
  })

  it('notes a relevant file over the limit, below and above the size of the first read', () => {
    const manifest = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n'
    const root = tempRepo({
      'small-limit.yaml': manifest.padEnd(3000, '#'),
      'large.yaml': manifest + '#'.repeat(3 * FIRST_READ_BYTES),
      'values.yaml': 'replicas: 1\n'.padEnd(3000, '#'),
    })
    expect(readCandidate(candidateIn(root, 'small-limit.yaml'), 1024)).toEqual({
      ok: false,
      finding: {
        ruleId: 'parse-error',
        level: 'note',
        location: { path: 'small-limit.yaml', line: 1, column: 1 },
        message:
          'Skipped small-limit.yaml: it is 2.9 KB, larger than the 1.0 KB limit; raise the max-file-bytes input (--max-file-bytes), or exclude the file',
        key: 'skipped:small-limit.yaml',
      },
    })
    expect(readCandidate(candidateIn(root, 'large.yaml'), 100 * 1024)).toMatchObject({
      ok: false,
      finding: {
        message:
          'Skipped large.yaml: it is 192.1 KB, larger than the 100.0 KB limit; raise the max-file-bytes input (--max-file-bytes), or exclude the file',
      },
    })
    expect(readCandidate(candidateIn(root, 'values.yaml'), 1024)).toEqual({ ok: false })
  })

  it('reads a Terraform plan over the limit but within the plans’ own limit', () => {
    const plan = JSON.stringify({
      format_version: '1.2',
      terraform_version: '1.9.0',
      planned_values: { padding: 'x'.repeat(4000) },
    })
    const root = tempRepo({
      'plan.json': plan,
      'big-plan.json': plan.replace('x'.repeat(4000), 'x'.repeat(3 * FIRST_READ_BYTES)),
    })
    expect(readCandidate(candidateIn(root, 'plan.json'), 1024)).toEqual({ ok: true, text: plan })
    const big = readCandidate(candidateIn(root, 'big-plan.json'), 1024)
    expect(big.ok && big.text.length).toBe(plan.length - 4000 + 3 * FIRST_READ_BYTES)
  })

  it('notes a binary file by the offset of its first NUL byte', () => {
    const root = tempRepo({ 'blob.json': Buffer.concat([Buffer.from('{"a":'), Buffer.from([0])]) })
    expect(readCandidate(candidateIn(root, 'blob.json'), 0)).toMatchObject({
      ok: false,
      finding: {
        message:
          'Skipped blob.json: it is binary (a NUL byte at offset 5), not text; exclude it, or save it as UTF-8 text',
      },
    })
  })

  it('notes a file that is gone, and skips a directory put where a file was without a word', () => {
    const root = tempRepo({ 'present.yaml': 'a: 1\n' })
    mkdirSync(path.join(root, 'now-a-directory.yaml'))
    expect(readCandidate(candidateIn(root, 'gone.yaml'), 0)).toMatchObject({
      ok: false,
      finding: { message: 'Skipped gone.yaml: it cannot be read (ENOENT)' },
    })
    expect(readCandidate(candidateIn(root, 'now-a-directory.yaml'), 0)).toEqual({ ok: false })
  })
})
