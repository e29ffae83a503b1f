// One way for a test file to get a simulator: started on demand, closed after each test.

import { afterEach } from 'vitest'
import { CodeArtsSimulator, type PipelineConfig, type SimulatorOptions } from '../simulator/codearts.ts'
import { ACCESS_KEY, IAM_USER, YUNXIAO_KEY, YUNXIAO_TOKEN } from '../simulator/fixtures.ts'
import { type YunxiaoOptions, type YunxiaoPipeline, YunxiaoSimulator } from '../simulator/yunxiao.ts'

type Closable = { close(): Promise<void> }

/**
 * Registers the clean-up and returns starters for the simulators a test needs. Each starter gives a
 * simulator with the fixture credentials; it is closed after the test, whatever happened.
 */
export function useSimulator(): {
  codearts(pipelines: Record<string, PipelineConfig>, options?: Partial<SimulatorOptions>): Promise<CodeArtsSimulator>
  yunxiao(pipelines: Record<string, YunxiaoPipeline>, options?: Partial<YunxiaoOptions>): Promise<YunxiaoSimulator>
} {
  const open: Closable[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()))
  })
  return {
    codearts: async (pipelines, options = {}) => {
      const sim = await CodeArtsSimulator.start({ pipelines, accessKeys: [ACCESS_KEY], users: [IAM_USER], ...options })
      open.push(sim)
      return sim
    },
    yunxiao: async (pipelines, options = {}) => {
      const sim = await YunxiaoSimulator.start({ pipelines, tokens: [YUNXIAO_TOKEN], accessKeys: [YUNXIAO_KEY], ...options })
      open.push(sim)
      return sim
    }
  }
}
