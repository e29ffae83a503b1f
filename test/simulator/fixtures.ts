// Pipelines and credentials shared by the end-to-end tests, the demo and the benchmarks.

import type { AccessKey, IamUser } from './codearts.ts'
import type { PipelineScript } from './script.ts'

export const ACCESS_KEY: AccessKey = { accessKey: 'HPUAEXAMPLEKEY0000001', secretKey: 'sk-simulated-2f9d8e7c6b5a4f3e2d1c0b9a8f7e6d5c' }
export const TEMPORARY_KEY: AccessKey = {
  accessKey: 'HPUATEMPORARYKEY00002',
  secretKey: 'sk-temporary-8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d',
  securityToken: 'gQpjbi1ub3J0aC00iqfx-simulated-security-token'
}
export const IAM_USER: IamUser = { domain: 'octo-cloud', username: 'ci-bot', password: 'pw-Simulated!2026' }
export const READY_TOKEN = 'MIIready-token-simulated-0123456789abcdef'

/** Builds a step that takes `ms`. */
const step = (name: string, ms: number, extra: object = {}) => ({ name, durationMs: ms, ...extra })

/** Three stages, all green; `unit` scales every duration. */
export function passingPipeline(unit = 100): PipelineScript {
  return {
    name: 'shop-build',
    stages: [
      { name: 'Checkout', jobs: [{ name: 'Fetch sources', steps: [step('git clone', unit)] }] },
      {
        name: 'Build',
        jobs: [
          { name: 'Compile', steps: [step('npm ci', unit), step('npm run build', 2 * unit)] },
          { name: 'Lint', steps: [step('npm run lint', unit)] }
        ]
      },
      { name: 'Deploy', jobs: [{ name: 'Deploy to staging', steps: [step('kubectl apply', unit)] }] }
    ]
  }
}

/** Fails in Build / Unit tests / npm test while the parallel Lint job passes. */
export function failingPipeline(unit = 100): PipelineScript {
  return {
    name: 'shop-test',
    stages: [
      { name: 'Checkout', jobs: [{ name: 'Fetch sources', steps: [step('git clone', unit)] }] },
      {
        name: 'Build',
        jobs: [
          {
            name: 'Unit tests',
            steps: [
              step('npm ci', unit),
              step('npm test', 2 * unit, {
                fail: 'exit code 1',
                log: [
                  '> shop@1.0.0 test',
                  '> vitest run',
                  ' FAIL  cart.test.ts > adds an item',
                  'AssertionError: expected 2 to be 3',
                  'Test Files  1 failed (1)'
                ]
              })
            ]
          },
          { name: 'Lint', steps: [step('npm run lint', unit, { log: ['> eslint .', 'no problems'] })] }
        ]
      },
      { name: 'Deploy', jobs: [{ name: 'Deploy to staging', steps: [step('kubectl apply', unit)] }] }
    ]
  }
}

/** One quick green stage. */
export function quickPipeline(unit = 50, name = 'quick'): PipelineScript {
  return { name, stages: [{ name: 'Only', jobs: [{ name: 'Job', steps: [step('echo ok', unit)] }] }] }
}

/** Build, then an approval gate (approved after `approveAfterMs`, or never), then deploy. */
export function gatedPipeline(approveAfterMs?: number, unit = 50): PipelineScript {
  return {
    name: 'shop-release',
    stages: [
      { name: 'Build', jobs: [{ name: 'Package', steps: [step('package', unit)] }] },
      {
        name: 'Approve',
        jobs: [
          {
            name: 'Release manager',
            steps: [{ name: 'manual review', durationMs: 0, manual: approveAfterMs === undefined ? {} : { approveAfterMs } }]
          }
        ]
      },
      { name: 'Deploy', jobs: [{ name: 'Production', steps: [step('deploy', unit)] }] }
    ]
  }
}

/** The job's GITHUB_TOKEN, as the fake GitHub API knows it. */
export const GITHUB_TOKEN = 'ghs_simulatedGitHubToken0123456789abcdefABCD'

export const YUNXIAO_TOKEN = 'pt-simulated-0123456789abcdefYunxiaoToken'
export const YUNXIAO_KEY = { accessKeyId: 'LTAI5tSimulatedKey00001', accessKeySecret: 'simulated-alibaba-secret-7f3e2d1c0b9a8f7e' }

/** The pipelines `npm run simulator` serves (serve.ts): fixed, so that .env.example can name them. */
export const SERVED = {
  codearts: {
    projectId: '0f2c3f5a1b9e4d7c8a6b5e4d3c2b1a00',
    passes: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    fails: 'b2c3d4e5f60718293a4b5c6d7e8f90a1'
  },
  yunxiao: { organizationId: '5ebbc0228123212b59a0c0de', passes: '4101', fails: '4102' }
} as const
