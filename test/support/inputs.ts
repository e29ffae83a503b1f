// Inputs that point the action at a simulator, with the fixture credentials and fast polling.

import type { CodeArtsConnection, YunxiaoConnection } from '../../src/config/settings.ts'
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

/** The connection the action makes of codeartsInputs, for code that builds a provider itself (the bench). */
export function codeartsConnection(sim: CodeArtsSimulator): CodeArtsConnection {
  return {
    provider: 'codearts',
    region: sim.region,
    endpoint: sim.url,
    iamEndpoint: sim.url,
    projectId: sim.projectId,
    auth: { kind: 'aksk', accessKey: ACCESS_KEY.accessKey, secretKey: ACCESS_KEY.secretKey, iamProjectId: sim.iamProjectId }
  }
}

/** The same for Yunxiao, with the fixture token. */
export function yunxiaoConnection(sim: YunxiaoSimulator): YunxiaoConnection {
  return {
    provider: 'yunxiao',
    api: 'openapi',
    endpoint: sim.url,
    organizationId: sim.organizationId,
    auth: { kind: 'token', token: YUNXIAO_TOKEN }
  }
}
