import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { main } from '../../src/cli.js'
import { formatText } from '../../src/report/text.js'
import { liveFixture } from '../live/helpers.js'
import { fixture, repositoryRoot } from '../helpers.js'

const FINDING = /^\S.*:\d+:\d+: (error|warning|note): .*\[[a-z0-9-]+\]$/
async function cliOut(root: string): Promise<string> {
  let out = ''
  await main([root], { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => undefined }, cwd: root })
  return out
}
it('measures', async () => {
  const rows: string[] = []
  for (const file of readdirSync(path.join(repositoryRoot, 'docs', 'rules')).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    const id = file.replace(/\.md$/, '')
    const docLines = readFileSync(path.join(repositoryRoot, 'docs', 'rules', file), 'utf8').split('\n').filter((l) => FINDING.test(l))
    const produced = new Set<string>()
    const dir = fixture('rules', id)
    for (const variant of existsSync(dir) ? readdirSync(dir) : []) {
      const root = path.join(dir, variant)
      const text = id.startsWith('live-') ? formatText((await liveFixture(id, variant)).result.findings) : await cliOut(root)
      for (const l of text.split('\n')) produced.add(l)
    }
    const ok = docLines.filter((l) => produced.has(l)).length
    rows.push(`${id}\t${docLines.length}\t${ok}`)
  }
  writeFileSync('/tmp/docs-measure/before.tsv', rows.join('\n') + '\n')
})
