// One way for a test file to get a simulator: started on demand, closed after each test.

import { afterEach } from 'vitest'
import { CodeArtsSimulator, type PipelineConfig, type SimulatorOptions } from '../simulator/codearts.ts'
import { ACCESS_KEY, GITHUB_TOKEN, IAM_USER, YUNXIAO_KEY, YUNXIAO_TOKEN } from '../simulator/fixtures.ts'
import { type GitHubOptions, GitHubSimulator } from '../simulator/github.ts'
import { type YunxiaoOptions, type YunxiaoPipeline, YunxiaoSimulator } from '../simulator/yunxiao.ts'

type Closable = { close(): Promise<void> }

/**
 * Registers the clean-up and returns starters for the simulators a test needs. Each starter gives a
 * simulator with the fixture credentials; it is closed after the test, whatever happened.
 */
export function useSimulator(): {
  codearts(pipelines: Record<string, PipelineConfig>, options?: Partial<SimulatorOptions>): Promise<CodeArtsSimulator>
  yunxiao(pipelines: Record<string, YunxiaoPipeline>, options?: Partial<YunxiaoOptions>): Promise<YunxiaoSimulator>
  /** GitHub's API for check runs; the test fails if anything sent to it is not what GitHub documents. */
  github(options?: Partial<GitHubOptions>): Promise<GitHubSimulator>
} {
  const open: Closable[] = []
  const githubs: GitHubSimulator[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()))
    const violations = githubs.splice(0).flatMap((g) => g.violations)
    if (violations.length > 0) throw new Error(`requests GitHub's OpenAPI description does not allow:\n${violations.join('\n')}`)
  })
  return {
    codearts: async (pipelines, options = {}) => {
      const sim = await CodeArtsSimulator.start({ pipelines, accessKeys: [ACCESS_KEY], users: [IAM_USER], ...options })
      open.push(sim)
      return sim
    },
    github: async (options = {}) => {
      const sim = await GitHubSimulator.start({ token: GITHUB_TOKEN, repository: 'octo-org/shop', ...options })
      open.push(sim)
      githubs.push(sim)
      return sim
    },
    yunxiao: async (pipelines, options = {}) => {
      const sim = await YunxiaoSimulator.start({ pipelines, tokens: [YUNXIAO_TOKEN], accessKeys: [YUNXIAO_KEY], ...options })
      open.push(sim)
      return sim
    }
  }
}
