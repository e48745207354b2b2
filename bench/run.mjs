#!/usr/bin/env node
/**
 * `npm run bench`: generates seeded repositories of 1k, 10k and 100k files (cached in .bench/),
 * runs the CLI bundle on each end to end, and the baseline (bench/baseline.mjs: only reading and
 * parsing the same files with the same parsers); prints a markdown table and writes
 * bench/results.md. Each figure is the median of --runs runs, full and baseline alternating.
 *
 *   node bench/run.mjs [--sizes 1k,10k,100k] [--runs 3] [--bundle dist/cli/index.js] [--seed 1]
 *                      [--profile generated|realistic|adversarial] [--workers-off] [--no-sniff] [--no-hcl-filter]
 *                      [--cache] [--out bench/results.md]
 *
 * --workers-off also runs the bundle with IRSA_GUARD_WORKERS=0 (everything on one thread),
 * --no-sniff with IRSA_GUARD_SNIFF=0 (every manifest document parsed by the yaml package, no YAML hybrid),
 * and --no-hcl-filter with IRSA_GUARD_HCL_FILTER=0 (every Terraform block parsed whole);
 * each fails when the report differs by one byte from the default run's.
 *
 * --cache also measures a pull-request run: on a copy of the repository, a run with --cache DIR
 * fills the cache, then CHANGED_FILES files change (a comment appended) and each measured run gets
 * a fresh copy of that filled cache; it fails when the report differs from a run without a cache.
 */
import { spawn } from 'node:child_process'
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { compileSources, repositoryRoot } from './compile.mjs'
import { GENERATOR_VERSION, PROFILES, writeRepository } from './generate.mjs'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const index = args.indexOf(name)
  return index === -1 ? fallback : args[index + 1]
}
const sizes = option('--sizes', '1k,10k,100k')
  .split(',')
  .map((label) => ({ label, files: parseSize(label) }))
const runs = Number(option('--runs', '3'))
const seed = Number(option('--seed', '1'))
const profile = option('--profile', 'generated')
if (!PROFILES.includes(profile)) throw new Error(`not a profile: ${profile} (${PROFILES.join(', ')})`)
const bundle = path.resolve(option('--bundle', path.join(repositoryRoot, 'dist/cli/index.js')))
const outFile = path.resolve(option('--out', path.join(repositoryRoot, 'bench/results.md')))
const variants = [
  { flag: '--workers-off', env: { IRSA_GUARD_WORKERS: '0' }, title: 'one thread (IRSA_GUARD_WORKERS=0)' },
  { flag: '--no-sniff', env: { IRSA_GUARD_SNIFF: '0' }, title: 'no sniff (IRSA_GUARD_SNIFF=0)' },
  { flag: '--no-hcl-filter', env: { IRSA_GUARD_HCL_FILTER: '0' }, title: 'no block filter (IRSA_GUARD_HCL_FILTER=0)' },
].filter((variant) => args.includes(variant.flag))
const measureCache = args.includes('--cache')
const CHANGED_FILES = 10
const benchDirectory = path.join(repositoryRoot, '.bench')
const TIME = '/usr/bin/time'
const hasTime = existsSync(TIME)

function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)(k)?$/i.exec(text)
  if (!match) throw new Error(`not a size: ${text}`)
  return Math.round(Number(match[1]) * (match[2] ? 1000 : 1))
}

/** The generated repository for a size, regenerated when the generator or seed changed. */
function repository(size) {
  const directory = path.join(benchDirectory, `repo-${profile === 'generated' ? '' : `${profile}-`}${size.label}`)
  const marker = `${directory}.json`
  const wanted = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    files: size.files,
    ...(profile === 'generated' ? {} : { profile }),
  }
  if (existsSync(marker) && existsSync(directory)) {
    const found = JSON.parse(readFileSync(marker, 'utf8'))
    if (
      found.generatorVersion === wanted.generatorVersion &&
      found.seed === wanted.seed &&
      found.files === wanted.files &&
      found.profile === wanted.profile
    )
      return { directory, ...found }
  }
  process.stderr.write(`generating ${size.files} ${profile} files into ${path.relative(process.cwd(), directory)}…\n`)
  const summary = writeRepository(directory, size.files, seed, profile)
  const record = { ...wanted, count: summary.count, chains: summary.chains, bytes: summary.bytes }
  writeFileSync(marker, `${JSON.stringify(record, null, 2)}\n`)
  return { directory, ...record }
}

/**
 * Runs `node <args>` and measures it: wall time (from spawn to exit), user and system CPU and
 * peak RSS (from /usr/bin/time -v, or else from the child's own process.resourceUsage()).
 */
function measure(nodeArgs, env = {}) {
  return new Promise((resolve, reject) => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'irsa-bench-'))
    const stdoutFile = path.join(scratch, 'stdout')
    const usageFile = path.join(scratch, 'usage.json')
    const childEnv = { ...process.env, ...env }
    let command = process.execPath
    let commandArgs
    if (hasTime) {
      command = TIME
      commandArgs = ['-v', process.execPath, ...nodeArgs]
    } else {
      childEnv.IRSA_BENCH_USAGE_FILE = usageFile
      const preload = `data:text/javascript,${encodeURIComponent("import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(process.env.IRSA_BENCH_USAGE_FILE, JSON.stringify(process.resourceUsage())))")}`
      commandArgs = ['--import', preload, ...nodeArgs]
    }
    const out = []
    let stderr = ''
    const started = process.hrtime.bigint()
    const child = spawn(command, commandArgs, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (chunk) => out.push(chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9
      writeFileSync(stdoutFile, Buffer.concat(out))
      let user, system, maxRssKb
      if (hasTime) {
        user = Number(/User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1])
        system = Number(/System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1])
        maxRssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1])
      } else if (existsSync(usageFile)) {
        const usage = JSON.parse(readFileSync(usageFile, 'utf8'))
        user = usage.userCPUTime / 1e6
        system = usage.systemCPUTime / 1e6
        maxRssKb = usage.maxRSS
      }
      const stdout = readFileSync(stdoutFile, 'utf8')
      rmSync(scratch, { recursive: true, force: true })
      if (code !== 0)
        return reject(new Error(`node ${nodeArgs.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`))
      resolve({ wall, cpu: user + system, rssMb: maxRssKb / 1024, stdout })
    })
  })
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function summarise(samples) {
  return {
    wall: median(samples.map((s) => s.wall)),
    minWall: Math.min(...samples.map((s) => s.wall)),
    cpu: median(samples.map((s) => s.cpu)),
    rssMb: Math.max(...samples.map((s) => s.rssMb)),
  }
}

function fullArgs(directory) {
  return [bundle, directory, '--format', 'json', '--fail-on', 'never']
}

/** CHANGED_FILES files of the tree, half YAML and half Terraform where it has both, spread evenly over the sorted paths. */
function filesToChange(directory) {
  const all = readdirSync(directory, { recursive: true })
    .map(String)
    .filter((file) => /\.(ya?ml|tf)$/.test(file))
    .sort()
  const yaml = all.filter((file) => !file.endsWith('.tf'))
  const terraform = all.filter((file) => file.endsWith('.tf'))
  const spread = (list, count) =>
    Array.from({ length: Math.min(count, list.length) }, (_, index) => list[Math.floor((index * list.length) / count)])
  const half = terraform.length > 0 ? Math.floor(CHANGED_FILES / 2) : CHANGED_FILES
  return [
    ...spread(yaml, CHANGED_FILES - (terraform.length > 0 ? half : 0)),
    ...spread(terraform, terraform.length > 0 ? half : 0),
  ]
}

/** A pull-request run: a warm cache from the repository as generated, then CHANGED_FILES files changed. */
async function pullRequestRuns(directory) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'irsa-bench-pr-'))
  try {
    const tree = path.join(scratch, 'tree')
    const filled = path.join(scratch, 'filled-cache')
    cpSync(directory, tree, { recursive: true })
    const fill = await measure([...fullArgs(tree), '--cache', filled])
    for (const file of filesToChange(tree)) appendFileSync(path.join(tree, file), '\n# changed by the bench\n')
    const cold = await measure(fullArgs(tree))
    const warm = []
    for (let run = 0; run < runs; run += 1) {
      const cache = path.join(scratch, `cache-${run}`)
      cpSync(filled, cache, { recursive: true })
      const result = await measure([...fullArgs(tree), '--cache', cache])
      if (result.stdout !== cold.stdout) throw new Error(`${directory}: the report differs with --cache`)
      warm.push(result)
      process.stderr.write(
        `pull-request run ${run + 1}/${runs}: ${result.wall.toFixed(2)} s (without cache ${cold.wall.toFixed(2)} s)\n`,
      )
    }
    return { fill: summarise([fill]), cold: summarise([cold]), warm: summarise(warm) }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

function findingsOf(stdout) {
  const report = JSON.parse(stdout)
  return { findings: report.findings.length, relevantFiles: report.scan?.relevantFiles }
}

async function main() {
  if (!existsSync(bundle)) throw new Error(`no bundle at ${bundle}: run npm run bundle first`)
  compileSources()
  const started = new Date()
  const loadBefore = os.loadavg()[0]
  const rows = []
  for (const size of sizes) {
    const repo = repository(size)
    // Warm the page cache so that the first measured run does not pay for the disk.
    await measure([path.join(repositoryRoot, 'bench/baseline.mjs'), repo.directory])
    const full = []
    const others = variants.map(() => [])
    const baseline = []
    let outcome
    for (let run = 0; run < runs; run += 1) {
      const result = await measure(fullArgs(repo.directory))
      outcome = findingsOf(result.stdout)
      full.push(result)
      for (const [index, variant] of variants.entries()) {
        const other = await measure(fullArgs(repo.directory), variant.env)
        if (other.stdout !== result.stdout)
          throw new Error(
            `${size.label}: the report differs with ${Object.entries(variant.env)
              .map(([key, value]) => `${key}=${value}`)
              .join(' ')}`,
          )
        others[index].push(other)
      }
      baseline.push(await measure([path.join(repositoryRoot, 'bench/baseline.mjs'), repo.directory]))
      process.stderr.write(
        `${size.label} run ${run + 1}/${runs}: full ${result.wall.toFixed(2)} s, baseline ${baseline.at(-1).wall.toFixed(2)} s\n`,
      )
    }
    rows.push({
      size,
      repo,
      ...(measureCache ? { pullRequest: await pullRequestRuns(repo.directory) } : {}),
      full: summarise(full),
      variants: others.map(summarise),
      baseline: summarise(baseline),
      ...outcome,
    })
  }

  const empty = mkdtempSync(path.join(os.tmpdir(), 'irsa-bench-empty-'))
  const cold = []
  const bare = []
  for (let run = 0; run < 10; run += 1) {
    cold.push(await measure(fullArgs(empty)))
    bare.push(await measure(['-e', '0']))
  }
  rmSync(empty, { recursive: true, force: true })
  const coldStart = summarise(cold)
  const nodeStart = summarise(bare)

  const markdown = report(rows, coldStart, nodeStart, { started, loadBefore, loadAfter: os.loadavg()[0] })
  process.stdout.write(markdown)
  writeFileSync(outFile, markdown)
  process.stderr.write(`written to ${path.relative(process.cwd(), outFile)}\n`)
}

function report(rows, coldStart, nodeStart, run) {
  const seconds = (value) => `${value.toFixed(2)} s`
  const mb = (value) => `${Math.round(value)} MB`
  const lines = [`Profile: ${profile} (bench/generate.mjs --profile ${profile}, seed ${seed}).`, '']
  lines.push(
    `| files | MB | wall (full) | files/s | CPU (full) | peak RSS (full) | findings | wall (baseline) | CPU (baseline) | peak RSS (baseline) | full / baseline (wall) | full / baseline (CPU) |`,
  )
  lines.push(`|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`)
  for (const row of rows) {
    lines.push(
      `| ${row.size.files.toLocaleString('en')} | ${(row.repo.bytes / 1e6).toFixed(1)} | ${seconds(row.full.wall)} | ${Math.round(row.size.files / row.full.wall).toLocaleString('en')} | ${seconds(row.full.cpu)} | ${mb(row.full.rssMb)} | ${row.findings} | ${seconds(row.baseline.wall)} | ${seconds(row.baseline.cpu)} | ${mb(row.baseline.rssMb)} | ${(row.full.wall / row.baseline.wall).toFixed(2)} | ${(row.full.cpu / row.baseline.cpu).toFixed(2)} |`,
    )
  }
  for (const [index, variant] of variants.entries()) {
    lines.push('')
    lines.push(`Same report byte for byte, ${variant.title}:`)
    lines.push('')
    lines.push(
      `| files | wall, default | wall, ${variant.title} | CPU, default | CPU, ${variant.title} | peak RSS, default | peak RSS, ${variant.title} |`,
    )
    lines.push(`|---:|---:|---:|---:|---:|---:|---:|`)
    for (const row of rows) {
      const other = row.variants[index]
      lines.push(
        `| ${row.size.files.toLocaleString('en')} | ${seconds(row.full.wall)} | ${seconds(other.wall)} | ${seconds(row.full.cpu)} | ${seconds(other.cpu)} | ${mb(row.full.rssMb)} | ${mb(other.rssMb)} |`,
      )
    }
  }
  if (measureCache) {
    lines.push('')
    lines.push(
      `A pull-request run with --cache: the cache filled by a run over the repository as generated, then ${CHANGED_FILES} files (half YAML, half Terraform) changed; same report byte for byte as without the cache:`,
    )
    lines.push('')
    lines.push(
      `| files | wall, --cache (warm) | CPU, --cache (warm) | peak RSS, --cache (warm) | wall, no cache | CPU, no cache | wall, filling the cache |`,
    )
    lines.push(`|---:|---:|---:|---:|---:|---:|---:|`)
    for (const row of rows) {
      const pr = row.pullRequest
      lines.push(
        `| ${row.size.files.toLocaleString('en')} | ${seconds(pr.warm.wall)} | ${seconds(pr.warm.cpu)} | ${mb(pr.warm.rssMb)} | ${seconds(pr.cold.wall)} | ${seconds(pr.cold.cpu)} | ${seconds(pr.fill.wall)} |`,
      )
    }
  }
  const bySize = new Map(rows.map((row) => [row.size.files, row]))
  lines.push('')
  if (bySize.has(10000) && bySize.has(100000)) {
    lines.push(
      `100k / 10k wall time: ${(bySize.get(100000).full.wall / bySize.get(10000).full.wall).toFixed(1)}×; CPU time: ${(bySize.get(100000).full.cpu / bySize.get(10000).full.cpu).toFixed(1)}×`,
    )
  }
  lines.push(
    `Cold start on an empty repository: ${Math.round(coldStart.wall * 1000)} ms (median of 10; \`node -e 0\` alone: ${Math.round(nodeStart.wall * 1000)} ms)`,
  )
  lines.push('')
  lines.push(
    `Median of ${runs} runs each (full and baseline alternating, page cache warm); CPU is user + system time of the whole process (all threads); peak RSS is the largest of the runs, measured ${hasTime ? 'by /usr/bin/time -v' : 'by process.resourceUsage()'}. ` +
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}; load average ${run.loadBefore.toFixed(1)} before, ${run.loadAfter.toFixed(1)} after; ${run.started.toISOString().slice(0, 16).replace('T', ' ')} UTC. Bundle: ${path.relative(repositoryRoot, bundle) || bundle}.`,
  )
  return `${lines.join('\n')}\n`
}

await main()
