// Inputs that point the action at a simulator, with the fixture credentials and fast polling.

import type { CodeArtsSimulator } from '../simulator/codearts.ts'
import { ACCESS_KEY, YUNXIAO_TOKEN } from '../simulator/fixtures.ts'
import type { YunxiaoSimulator } from '../simulator/yunxiao.ts'

const FAST_POLLING = { 'poll-interval': '0.2s', 'max-poll-interval': '0.5s' }

/** CodeArts, signed with the fixture access key. */
export function codeartsInputs(sim: CodeArtsSimulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    endpoint: sim.url,
    'iam-endpoint': sim.url,
    'project-id': sim.projectId,
    'access-key': ACCESS_KEY.accessKey,
    'secret-key': ACCESS_KEY.secretKey,
    ...FAST_POLLING,
    ...extra
  }
}

/** Yunxiao's central edition with the fixture personal access token. */
export function yunxiaoInputs(sim: YunxiaoSimulator, extra: Record<string, string> = {}): Record<string, string> {
  return { provider: 'yunxiao', endpoint: sim.url, 'organization-id': sim.organizationId, token: YUNXIAO_TOKEN, ...FAST_POLLING, ...extra }
}
