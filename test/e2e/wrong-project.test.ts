// The two 32-character project IDs of CodeArts mixed up: the error says which ID goes where and
// how to tell them apart, with as few requests as the mix-up allows (docs/codearts.md, "Hosts and IDs").

import { describe, expect, it } from 'vitest'
import { hex32 } from '../simulator/codearts.ts'
import { IAM_USER, quickPipeline } from '../simulator/fixtures.ts'
import { runAction } from '../support/harness.ts'
import { codeartsInputs } from '../support/inputs.ts'
import { useSimulator } from '../support/simulators.ts'

const sims = useSimulator()
const pipeline = hex32()
const HOW_TO_TELL =
  "'project-id' is the CodeArts project ID, the 32 characters after /project/ in the address of a pipeline's page in the CodeArts " +
  "console (…/cicd/project/<project-id>/pipeline/detail/<pipeline-id>); 'iam-project-id' is the IAM project ID of the region, " +
  'under My Credentials → API Credentials'

const errorLine = (log: string) => log.split('\n').find((l) => l.startsWith('::error::')) ?? ''

/** Another ID of the same form: its first character changed (never to itself, which a random ID starting with f would give). */
const otherThan = (id: string): string => `${id.startsWith('f') ? 'e' : 'f'}${id.slice(1)}`

describe('the CodeArts project ID and the IAM project ID', () => {
  it.each([
    ['an access key', {}],
    [
      'a password',
      { 'access-key': '', 'secret-key': '', username: IAM_USER.username, password: IAM_USER.password, domain: IAM_USER.domain }
    ]
  ])('the IAM project ID given as project-id, with %s: said as soon as IAM names it, before any pipeline request', async (_, how) => {
    const s = await sims.codearts({ [pipeline]: { script: quickPipeline() } })
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': pipeline, 'project-id': s.iamProjectId, ...how }))

    expect(result.exitCode).toBe(1)
    expect(result.outputs['conclusion']).toBe('failure')
    expect(errorLine(result.log)).toContain(
      `::error::checking 'project-id': ${s.iamProjectId} is the IAM project ID of region cn-north-4, not a CodeArts project ID. ` +
        HOW_TO_TELL
    )
    expect(s.requests.filter((r) => r.path.startsWith('/v5/'))).toHaveLength(0)
  })

  it('a project-id CodeArts does not know: its error, and how to tell the IDs apart', async () => {
    const s = await sims.codearts({ [pipeline]: { script: quickPipeline() } })
    const wrong = hex32()
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': pipeline, 'project-id': wrong }))

    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toContain(
      `failed: HTTP 403 DEVPIPE.00011412: The project does not exist or you are not a member of it. Check 'project-id' (${wrong}): ` +
        `CodeArts has no such project in cn-north-4, or the user of the credentials is not a member of it. ${HOW_TO_TELL}`
    )
  })

  it('an iam-project-id that is not the IAM project of the region: the refused signature names it', async () => {
    const s = await sims.codearts({ [pipeline]: { script: quickPipeline() } })
    const result = await runAction(codeartsInputs(s, { 'pipeline-ids': pipeline, 'iam-project-id': otherThan(s.projectId) }))

    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toMatch(
      /HTTP 401 APIGW\.0301: .*get token error.*Check 'access-key' and 'secret-key': .*, an 'iam-project-id' that is not the IAM project ID of region cn-north-4 \(a CodeArts project ID there is refused the same way\)\. Nothing more was sent with this key/
    )
    expect(s.requests).toHaveLength(1)
  })
})
