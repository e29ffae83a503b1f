// The bundle a run reads first (dist/index.js) holds no GitHub client: Octokit, which only check runs
// need, is in a chunk of its own that is read only when check runs are on (src/checks/check-runs.ts).

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const DIST = join(import.meta.dirname, '../../dist')

describe('dist/', () => {
  it('keeps Octokit out of index.js, in a chunk of its own', () => {
    expect(readFileSync(join(DIST, 'index.js'), 'utf8')).not.toMatch(/getOctokit|octokit-core\.js|before-after-hook/)
    const chunks = readdirSync(DIST).filter((f) => f !== 'index.js' && f.endsWith('.js'))
    expect(chunks.some((f) => readFileSync(join(DIST, f), 'utf8').includes('getOctokit'))).toBe(true)
  })
})
