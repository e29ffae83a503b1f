// What the runner reads first (dist/index.js) is the action's own code and nothing it does not use:
// Octokit, which only check runs need, is in a chunk of its own that is read only when check runs
// are on (src/checks/check-runs.ts); no HTTP client library at all, requests going through Node's
// own fetch (docs/proxy.md). The command's bundle has undici, for a proxy
// on Node 20 and 22, in a chunk read only then (src/cli/transport.ts).

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const DIST = join(import.meta.dirname, '../../dist')
const read = (...path: string[]): string => readFileSync(join(DIST, ...path), 'utf8')
const chunks = (dir: string): string[] => readdirSync(join(DIST, dir)).filter((f) => /^\d+\.index\.js$/.test(f))

// undici's HTTP parser, its proxy agent, and @actions/core's OIDC client, which brought a copy of undici in.
const HTTP_CLIENT = /llhttp|class EnvHttpProxyAgent|class OidcClient/

describe('dist/', () => {
  it('keeps Octokit out of index.js, in a chunk of its own', () => {
    expect(read('index.js')).not.toMatch(/getOctokit|octokit-core\.js|before-after-hook/)
    expect(chunks('.').some((f) => read(f).includes('getOctokit'))).toBe(true)
  })

  it('holds no HTTP client library in the index.js of the action or of the command', () => {
    expect(read('index.js')).not.toMatch(HTTP_CLIENT)
    expect(read('cli', 'index.js')).not.toMatch(HTTP_CLIENT)
  })

  it("keeps the command's undici in a chunk of its own", () => {
    // (Octokit's chunk has a copy too, through @actions/github: check runs only.)
    const undici = chunks('cli').filter((f) => /class EnvHttpProxyAgent/.test(read('cli', f)) && !read('cli', f).includes('getOctokit'))
    expect(undici).toHaveLength(1)
  })
})
