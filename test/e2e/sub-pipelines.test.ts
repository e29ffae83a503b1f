// CodeArts sub-pipelines: a step that runs another pipeline fails when that run fails; the action
// follows it down to the step that really failed, prints that step's log, and names the path in the
// annotation, the summary and `results`. Stopping a run stops the sub-pipeline runs it started.

import type { ChildProcess } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { type CodeArtsSimulator, hex32, type PipelineConfig, type SimulatorOptions } from '../simulator/codearts.ts'
import { type PipelineScript, subPipelineStep } from '../simulator/script.ts'
import { runAction } from '../support/harness.ts'
import { codeartsInputs } from '../support/inputs.ts'
import { activeCommands } from '../support/runner-view.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()

const ROLLOUT = hex32()
const CANARY = hex32()
const PARENT = hex32()

function rollout(fail = true): PipelineScript {
  return {
    name: 'prod-rollout',
    stages: [
      {
        name: 'Release',
        jobs: [
          {
            name: 'Helm',
            steps: [
              { name: 'helm lint', durationMs: 50 },
              {
                name: 'Helm upgrade',
                durationMs: 100,
                ...(fail && {
                  fail: 'exit status 1',
                  log: ['Release "shop" does not exist. Installing it now.', 'Error: UPGRADE FAILED: timed out waiting for the condition']
                })
              }
            ]
          }
        ]
      }
    ]
  }
}

/** shop-deploy: Build, then a Deploy stage whose one step runs `sub` as a sub-pipeline. */
function parent(subId: string, sub: PipelineScript, stepName = 'deploy'): PipelineScript {
  return {
    name: 'shop-deploy',
    stages: [
      { name: 'Build', jobs: [{ name: 'Package', steps: [{ name: 'package', durationMs: 50 }] }] },
      { name: 'Deploy', jobs: [{ name: 'Rollout', steps: [subPipelineStep(stepName, subId, sub)] }] }
    ]
  }
}

async function run(pipelines: Record<string, PipelineConfig>, options: Partial<SimulatorOptions> = {}, onStart?: StartHook) {
  const sim = await sims.codearts(pipelines, options)
  const result = await runAction(codeartsInputs(sim, { 'iam-project-id': sim.iamProjectId, 'pipeline-ids': PARENT }), {
    ...(onStart && { onStart: onStart(sim) })
  })
  return { sim, result }
}

type StartHook = (sim: CodeArtsSimulator) => (child: ChildProcess, log: () => string) => void

const PATH = 'Deploy / Rollout / deploy › sub-pipeline prod-rollout › Release / Helm / Helm upgrade'

describe('sub-pipelines', () => {
  it('a run whose sub-pipeline passes passes, and no step outputs are read', async () => {
    const { result, sim } = await run({ [PARENT]: { script: parent(ROLLOUT, rollout(false)) }, [ROLLOUT]: { script: rollout(false) } })

    expect(result.exitCode).toBe(0)
    expect(result.outputs['conclusion']).toBe('success')
    expect(sim.runsOf(ROLLOUT)).toHaveLength(1)
    expect(sim.requests.filter((r) => r.path.endsWith('/steps/outputs'))).toEqual([])
  })

  it.each(['string', 'object'] as const)(
    'a failing sub-pipeline (output values as %s): the step that really failed, its log, the path everywhere',
    async (values) => {
      const { result, sim } = await run(
        { [PARENT]: { script: parent(ROLLOUT, rollout()) }, [ROLLOUT]: { script: rollout() } },
        { stepOutputValues: values }
      )
      const sub = sim.runsOf(ROLLOUT)[0]!

      expect(result.exitCode).toBe(1)
      // The failing step's log, read from the sub-pipeline's run, titled with the path.
      const lines = result.log.split('\n')
      const group = lines.findIndex((l) => l.startsWith(`::group::shop-deploy #1 / ${PATH}: FAILED`))
      expect(group).toBeGreaterThan(-1)
      expect(lines.slice(group, group + 5).join('\n')).toContain('Error: UPGRADE FAILED: timed out waiting for the condition')
      expect(sim.requests.some((r) => r.path.includes(`/pipelines/${ROLLOUT}/pipeline-runs/${sub.id}/jobs/`))).toBe(true)
      // The annotation names the path, and carries the inner step's message and last lines.
      const annotation = activeCommands(result.log).find((c) => c.name === 'error' && c.properties.includes('sub-pipeline'))
      expect(annotation?.properties).toContain('title=shop-deploy #1 / Deploy / Rollout / deploy › sub-pipeline prod-rollout › Release')
      expect(annotation?.data).toContain('exit status 1')
      expect(annotation?.data).toContain('UPGRADE FAILED')
      // results.failures: where in the pipeline that was started, then the hops to the step.
      const [results] = JSON.parse(result.outputs['results']!)
      expect(results.failures).toEqual([
        {
          stage: 'Deploy',
          job: 'Rollout',
          step: 'deploy',
          message: 'exit status 1',
          path: PATH,
          sub_pipelines: [
            { pipeline_id: ROLLOUT, run_id: sub.id, pipeline: 'prod-rollout', stage: 'Release', job: 'Helm', step: 'Helm upgrade' }
          ]
        }
      ])
      expect(result.summary).toContain(`❌ ${PATH}: exit status 1`)
      expect(result.log).toContain(`FAILED at ${PATH}`)
    }
  )

  it('a nested sub-pipeline is followed to the bottom', async () => {
    const canary: PipelineScript = {
      name: 'canary',
      stages: [{ name: 'Canary', jobs: [{ name: 'Shift', steps: [subPipelineStep('roll out', ROLLOUT, rollout())] }] }]
    }
    const { result, sim } = await run({
      [PARENT]: { script: parent(CANARY, canary) },
      [CANARY]: { script: canary },
      [ROLLOUT]: { script: rollout() }
    })

    expect(result.exitCode).toBe(1)
    const [results] = JSON.parse(result.outputs['results']!)
    expect(results.failures.map((f: { path: string }) => f.path)).toEqual([
      'Deploy / Rollout / deploy › sub-pipeline canary › Canary / Shift / roll out › ' +
        'sub-pipeline prod-rollout › Release / Helm / Helm upgrade'
    ])
    expect(results.failures[0].sub_pipelines.map((h: { run_id: string }) => h.run_id)).toEqual([
      sim.runsOf(CANARY)[0]!.id,
      sim.runsOf(ROLLOUT)[0]!.id
    ])
    expect(result.log).toContain('Error: UPGRADE FAILED')
  })

  it('IDs in step outputs that are not plain are never put in a path: the step itself is reported', async () => {
    const sim = await sims.codearts({ [PARENT]: { script: parent(ROLLOUT, rollout()) }, [ROLLOUT]: { script: rollout() } })
    sim.rewrite = (x) =>
      x.path.endsWith('/steps/outputs')
        ? {
            payload: {
              step_outputs: [
                {
                  step_run_id: new URL(x.url).searchParams.get('step_run_ids'),
                  output_result: [
                    { key: 'pipeline_id', value: '../../../v3/projects' },
                    { key: 'pipeline_run_id', value: sim.runsOf(ROLLOUT)[0]?.id ?? 'x' }
                  ]
                }
              ]
            }
          }
        : undefined
    const result = await runAction(codeartsInputs(sim, { 'iam-project-id': sim.iamProjectId, 'pipeline-ids': PARENT }))

    expect(result.exitCode).toBe(1)
    expect(sim.requests.filter((r) => !r.path.startsWith(`/v5/${sim.projectId}/api/pipelines/`)).map((r) => r.path)).toEqual([])
    const [results] = JSON.parse(result.outputs['results']!)
    expect(results.failures).toEqual([
      { stage: 'Deploy', job: 'Rollout', step: 'deploy', message: 'sub-pipeline prod-rollout failed', path: 'Deploy / Rollout / deploy' }
    ])
  })

  it.each([
    [false, 'stops the sub-pipeline run the service left running'],
    [true, 'leaves alone a sub-pipeline run the service stopped with its parent']
  ])('cancel (service stops sub-pipelines: %s): %s', async (serviceStops) => {
    const slow: PipelineScript = {
      name: 'prod-rollout',
      stages: [{ name: 'Release', jobs: [{ name: 'Helm', steps: [{ name: 'wait', durationMs: 60_000 }] }] }]
    }
    const started: StartHook = (sim) => (child) => {
      const timer = setInterval(() => {
        if (sim.runsOf(ROLLOUT).length > 0) {
          clearInterval(timer)
          child.kill('SIGINT')
        }
      }, 20)
      child.on('close', () => clearInterval(timer))
    }
    const { result, sim } = await run(
      { [PARENT]: { script: parent(ROLLOUT, slow) }, [ROLLOUT]: { script: slow } },
      { stopsSubPipelines: serviceStops },
      started
    )
    const sub = sim.runsOf(ROLLOUT)[0]!

    expect(result.outputs['conclusion']).toBe('cancelled')
    expect(sim.stateOf(sim.runsOf(PARENT)[0]!).status).toBe('CANCELED')
    expect(sim.stateOf(sub).status).toBe('CANCELED')
    const stoppedSub = sim.requests.filter((r) => r.path.endsWith(`/pipeline-runs/${sub.id}/stop`))
    expect(stoppedSub).toHaveLength(serviceStops ? 0 : 1)
    if (!serviceStops) {
      expect(result.log).toContain(`Sub-pipeline ${ROLLOUT} run ${sub.id}, started by pipeline ${PARENT} run ${sim.runsOf(PARENT)[0]!.id}`)
      expect(result.log).toContain(`Stopped pipeline ${ROLLOUT} run ${sub.id}.`)
    }
  })
})
