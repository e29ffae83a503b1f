// Remote text in the job summary (issue 12): names from the service that carry Markdown or HTML
// must not add markup, links or images to the summary, nor break its tables; a link from the
// service is used only when it points at the service's own console.

import { describe, expect, it } from 'vitest'
import { hex32 } from '../simulator/codearts.ts'
import type { PipelineScript } from '../simulator/script.ts'
import { runAction } from '../support/harness.ts'
import { codeartsInputs, yunxiaoInputs } from '../support/inputs.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()

const MARKUP = {
  pipeline: 'shop | <img src=x onerror=alert(1)> [click](https://evil.example/a)',
  stage: 'Build `code` \n\n# forged heading\n\n<details><summary>opened</summary>',
  job: 'Unit </td></tr></table><h1>tests</h1>',
  step: 'npm test ](https://evil.example/b) ![x](https://evil.example/c.png)'
}

/** What must never appear in the summary as written: each would be live markup there. */
const RAW = [
  '<img',
  '<h1>',
  '<details><summary>opened',
  '</td></tr></table><h1>',
  '](https://evil.example',
  'href="https://evil.example',
  "href='https://evil.example"
]

function script(): PipelineScript {
  return {
    name: MARKUP.pipeline,
    stages: [
      {
        name: MARKUP.stage,
        jobs: [
          { name: MARKUP.job, steps: [{ name: MARKUP.step, durationMs: 40, fail: 'exit 1 <b>bold</b>', log: ['<script>x</script>'] }] }
        ]
      }
    ]
  }
}

/** The summary's own tables must stay whole: as many openings as closings of each element. */
function balanced(html: string, tag: string): boolean {
  return html.split(`<${tag}>`).length === html.split(`</${tag}>`).length
}

describe('remote text in the job summary', () => {
  it.each(['codearts', 'yunxiao'] as const)('%s: names with Markdown and HTML stay text', async (provider) => {
    let inputs: Record<string, string>
    if (provider === 'codearts') {
      const id = hex32()
      const s = await sims.codearts({ [id]: { script: script() } })
      // The service's link to the run, on another host: never a link in the summary.
      s.rewrite = ({ path, payload }) => {
        if (!path.endsWith('/pipeline-runs/detail') && !path.endsWith('/pipelines/status')) return undefined
        const away = (item: Record<string, unknown>) => ({ ...item, detail_url: 'https://evil.example/run' })
        return { payload: Array.isArray(payload) ? payload.map(away) : away(payload as Record<string, unknown>) }
      }
      inputs = codeartsInputs(s, { 'pipeline-ids': id })
    } else {
      const s = await sims.yunxiao({ '4712': { script: script() } })
      inputs = yunxiaoInputs(s, { 'pipeline-ids': '4712' })
    }
    const result = await runAction(inputs)

    expect(result.outputs['conclusion']).toBe('failure')
    const summary = result.summary
    for (const raw of RAW) expect(summary, raw).not.toContain(raw)
    expect(summary).not.toContain('evil.example/run')
    // A blank line in a name would end the HTML block and let Markdown run: names stay on one line.
    expect(summary).not.toMatch(/^\s*# forged/m)
    for (const tag of ['table', 'tr', 'td', 'details', 'summary']) expect(balanced(summary, tag), tag).toBe(true)
    // The names are still there, as text.
    for (const word of ['onerror=alert(1)', 'opened', 'tests']) expect(summary).toContain(word)
  })
})
