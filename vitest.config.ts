import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end files spawn `node dist/index.js` and a simulator, then mostly wait on the simulated
    // pipelines' timelines: a third worker fills that idle time on the 2-core machines (vitest alone:
    // 113 s with 3 workers, about 145 s with 2, on the same machine).
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 30_000
  }
})
