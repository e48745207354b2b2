import { readFileSync } from 'node:fs'
import path from 'node:path'
import { VERSION } from '../../src/version.js'
import { repositoryRoot } from '../helpers.js'

it('reports the version package.json declares', () => {
  const manifest = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { version: string }
  expect(VERSION).toBe(manifest.version)
})
