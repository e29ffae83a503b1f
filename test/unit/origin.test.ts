// Runs that GitHub gives no secrets: an input error about empty credentials says why (README, "Pull
// requests from forks"), and only there.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { forkNote, originFromEnv } from '../../src/action/origin.ts'
import { InputError } from '../../src/errors.ts'

const repo = (full_name: string) => ({ repo: { full_name } })
const fromFork = { pull_request: { number: 7, head: { sha: 'abc', ...repo('someone/shop') }, base: repo('octo-org/shop') } }
const fromBranch = { pull_request: { number: 8, head: { sha: 'def', ...repo('octo-org/shop') }, base: repo('octo-org/shop') } }

function note(event: object, env: Record<string, string>, error: unknown = new InputError('access-key', 'no credentials given')): string {
  const path = join(mkdtempSync(join(tmpdir(), 'origin-')), 'event.json')
  writeFileSync(path, JSON.stringify(event))
  return forkNote(error, originFromEnv({ GITHUB_REPOSITORY: 'octo-org/shop', GITHUB_EVENT_PATH: path, ...env }))
}

describe('a run without secrets', () => {
  it.each<[string, object, Record<string, string>, RegExp]>([
    [
      'a fork on pull_request',
      fromFork,
      { GITHUB_EVENT_NAME: 'pull_request' },
      /^; this run is for a pull request from the fork someone\/shop/
    ],
    [
      'Dependabot on pull_request',
      fromBranch,
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTOR: 'dependabot[bot]' },
      /^; this run is for a pull request Dependabot opened, and GitHub gives such runs only the repository's Dependabot secrets/
    ],
    ['a fork on pull_request_target (it has the secrets)', fromFork, { GITHUB_EVENT_NAME: 'pull_request_target' }, /^$/],
    ['a branch of the repository', fromBranch, { GITHUB_EVENT_NAME: 'pull_request' }, /^$/],
    ['a push', {}, { GITHUB_EVENT_NAME: 'push' }, /^$/]
  ])('%s', (_, event, env, expected) => {
    expect(note(event, env)).toMatch(expected)
  })

  it('is said only of errors about credentials', () => {
    expect(note(fromFork, { GITHUB_EVENT_NAME: 'pull_request' }, new InputError('timeout', 'has no unit'))).toBe('')
  })
})
