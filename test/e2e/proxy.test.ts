// The action behind a proxy, as on a self-hosted runner that reaches the internet only through one:
// the bundle turns Node's own proxy support on when HTTP_PROXY or HTTPS_PROXY is set (net/proxy.ts).

import { describe, expect, it } from 'vitest'
import { hex32 } from '../simulator/codearts.ts'
import { quickPipeline } from '../simulator/fixtures.ts'
import { runAction } from '../support/harness.ts'
import { codeartsInputs } from '../support/inputs.ts'
import { forwardingProxy } from '../support/proxy.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()

describe('behind a proxy', () => {
  it.each(['HTTP_PROXY', 'http_proxy'])('sends every request through the proxy %s names', async (variable) => {
    const id = hex32()
    const sim = await sims.codearts({ [id]: { script: quickPipeline(50) } })
    const proxy = await forwardingProxy()
    try {
      const result = await runAction(codeartsInputs(sim, { 'pipeline-ids': id }), { env: { [variable]: proxy.url } })
      expect(result.exitCode, result.log).toBe(0)
      expect(proxy.tunnels).toContain(new URL(sim.url).host)
      expect(result.log).not.toContain('cannot apply a proxy')
    } finally {
      await proxy.close()
    }
  })

  it('reaches a host NO_PROXY names directly', async () => {
    const id = hex32()
    const sim = await sims.codearts({ [id]: { script: quickPipeline(50) } })
    const proxy = await forwardingProxy()
    try {
      const env = { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: new URL(sim.url).hostname }
      const result = await runAction(codeartsInputs(sim, { 'pipeline-ids': id }), { env })
      expect(result.exitCode, result.log).toBe(0)
      expect(proxy.tunnels).toEqual([])
    } finally {
      await proxy.close()
    }
  })
})
