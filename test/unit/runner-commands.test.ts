// The runner's files and variables, written and read without @actions/core: what the runner would
// read back from them (test/support/harness.ts parses the files as the runner does).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { appendSummary, getInput, getState, saveState, setOutput } from '../../src/action/runner-commands.ts'
import { parseFileCommand } from '../support/harness.ts'
import { activeCommands, unescapeData } from '../support/runner-view.ts'

function runnerFiles(): NodeJS.ProcessEnv & { read(name: string): string } {
  const dir = mkdtempSync(join(tmpdir(), 'runner-'))
  const env: NodeJS.ProcessEnv = {}
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
    env[name] = join(dir, name)
    writeFileSync(env[name]!, '')
  }
  return Object.assign(env, { read: (name: string) => readFileSync(env[name]!, 'utf8') })
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('outputs and state', () => {
  const values = ['success', '', 'two\nlines', 'a\r\nwindows line', '::error::not a command', '100% %0A', 'name<<EOF']

  it.each(values)('gives the runner back %j exactly', (value) => {
    const env = runnerFiles()
    setOutput('conclusion', value, env)
    setOutput('run-ids', 'abc', env)
    expect(parseFileCommand(env.read('GITHUB_OUTPUT'))).toEqual({ conclusion: value.replace(/\r\n/g, '\n'), 'run-ids': 'abc' })
  })

  it('ends each value with a fresh delimiter', () => {
    const env = runnerFiles()
    setOutput('a', '1', env)
    setOutput('b', '2', env)
    const delimiters = [...env.read('GITHUB_OUTPUT').matchAll(/^[ab]<<(ghadelimiter_[0-9a-f-]{36})$/gm)].map((m) => m[1])
    expect(delimiters).toHaveLength(2)
    expect(delimiters[0]).not.toBe(delimiters[1])
  })

  it('saves state in its own file, and reads it back from STATE_*', () => {
    const env = runnerFiles()
    saveState('pendingStarts', '[{"pipelineId":"p"}]', env)
    expect(parseFileCommand(env.read('GITHUB_STATE'))).toEqual({ pendingStarts: '[{"pipelineId":"p"}]' })
    expect(env.read('GITHUB_OUTPUT')).toBe('')
    expect(getState('pendingStarts', { STATE_pendingStarts: '[]' })).toBe('[]')
    expect(getState('isPost', {})).toBe('')
  })

  it('refuses a file the runner did not create', () => {
    expect(() => setOutput('a', '1', { GITHUB_OUTPUT: join(tmpdir(), 'no-such-dir', 'output') })).toThrow(/does not exist/)
  })

  it('prints the older command outside a runner, as one command with the value escaped', () => {
    let out = ''
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk)
      return true
    })
    setOutput('conclusion', 'fail\n::error::x', {})
    const commands = activeCommands(out)
    expect(commands.map((c) => [c.name, c.properties, unescapeData(c.data)])).toEqual([
      ['set-output', 'name=conclusion', 'fail\n::error::x']
    ])
  })
})

describe('inputs', () => {
  it('reads INPUT_ and the name in capitals, dashes kept, spaces as underscores, trimmed', () => {
    const env = { 'INPUT_PIPELINE-IDS': '  a b \n', INPUT_MY_INPUT: 'x' }
    expect(getInput('pipeline-ids', env)).toBe('a b')
    expect(getInput('my input', env)).toBe('x')
    expect(getInput('ref', env)).toBe('')
  })
})

describe('the job summary', () => {
  it('is appended to', async () => {
    const env = runnerFiles()
    await appendSummary('# one\n', env)
    await appendSummary('two\n', env)
    expect(env.read('GITHUB_STEP_SUMMARY')).toBe('# one\ntwo\n')
  })

  it('is refused when the runner offers none', async () => {
    await expect(appendSummary('x', {})).rejects.toThrow('GITHUB_STEP_SUMMARY is not set')
    await expect(appendSummary('x', { GITHUB_STEP_SUMMARY: join(tmpdir(), 'no-such-dir', 's') })).rejects.toThrow(/cannot be read/)
  })
})
