import { describe, expect, it } from 'vitest'
import { getInputs } from '../../src/action/inputs.ts'
import { maskSecretInputs } from '../../src/action/secrets.ts'

const PIPELINE = '0123456789abcdef0123456789abcdef'
const PROJECT = 'fedcba9876543210fedcba9876543210'

/** A reader over plain values; unset inputs read as '' as core.getInput does. */
function reader(values: Record<string, string>): (name: string) => string {
  const all: Record<string, string> = { 'pipeline-ids': PIPELINE, 'project-id': PROJECT, 'access-key': 'AK', 'secret-key': 'SK', ...values }
  return (name) => all[name] ?? ''
}

describe('getInputs', () => {
  it('gives the documented defaults', () => {
    const settings = getInputs(reader({}))
    expect(settings).toEqual({
      mode: 'trigger-and-wait',
      pipelineIds: [PIPELINE],
      pipelineNames: [],
      runIds: [],
      connection: {
        provider: 'codearts',
        region: 'cn-north-4',
        endpoint: 'https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com',
        iamEndpoint: 'https://iam.cn-north-4.myhuaweicloud.com',
        projectId: PROJECT,
        auth: { kind: 'aksk', accessKey: 'AK', secretKey: 'SK' }
      },
      trigger: { variables: [], secretVariables: [], stages: [], jobs: [] },
      wait: { timeoutMs: 3_600_000, pollIntervalMs: 5_000, maxPollIntervalMs: 30_000, onManualGate: 'wait', failFast: false },
      cancelOnAbort: true,
      report: { logs: 'failed', logLines: 300, summary: true },
      checks: { enabled: true, token: '' }
    })
  })

  it.each([
    ['tr-west-1', 'https://pipeline-external.tr-west-1.myhuaweicloud.com'],
    ['af-south-1', 'https://pipeline.af-south-1.myhuaweicloud.com'],
    ['ap-southeast-3', 'https://cloudpipeline-ext.ap-southeast-3.myhuaweicloud.com']
  ])('region %s uses %s', (region, endpoint) => {
    const { connection } = getInputs(reader({ region }))
    expect(connection).toMatchObject({ endpoint, iamEndpoint: `https://iam.${region}.myhuaweicloud.com` })
  })

  it('accepts an unlisted region when the endpoint is given', () => {
    const { connection } = getInputs(reader({ region: 'xx-new-1', endpoint: 'https://pipeline.example.com' }))
    expect(connection).toMatchObject({
      region: 'xx-new-1',
      endpoint: 'https://pipeline.example.com',
      iamEndpoint: 'https://iam.xx-new-1.myhuaweicloud.com'
    })
  })

  it.each([
    [
      { token: 'T', 'access-key': '', 'secret-key': '' },
      { kind: 'token', token: 'T' }
    ],
    [
      { username: 'u', password: 'p', domain: 'd', 'access-key': '', 'secret-key': '' },
      { kind: 'password', username: 'u', password: 'p', domain: 'd' }
    ],
    [
      { 'security-token': 'ST', 'iam-project-id': PIPELINE },
      { kind: 'aksk', accessKey: 'AK', secretKey: 'SK', securityToken: 'ST', iamProjectId: PIPELINE }
    ]
  ])('credentials %j', (values, auth) => {
    expect(getInputs(reader(values)).connection.auth).toEqual(auth)
  })

  it('takes pipelines by name instead of by ID, in the same list form', () => {
    const settings = getInputs(
      reader({ 'pipeline-ids': '', pipelines: 'shop-build,\nshop-test', mode: 'wait', 'run-ids': `${PIPELINE} ${PROJECT}` })
    )
    expect(settings).toMatchObject({ pipelineIds: [], pipelineNames: ['shop-build', 'shop-test'], runIds: [PIPELINE, PROJECT] })
  })

  it('masks every secret input, whatever else the inputs say', () => {
    const masked: string[] = []
    maskSecretInputs(reader({ 'security-token': 'ST', token: 'T', password: 'P', username: 'u', 'pipeline-ids': 'bad' }), (v) =>
      masked.push(v)
    )
    expect(masked).toEqual(['SK', 'ST', 'T', 'P'])
  })

  it.each([
    [{ 'github-token': ' ghs_abc ' }, { enabled: true, token: 'ghs_abc' }],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the runner's default, unexpanded outside a runner
    [{ 'github-token': '${{ github.token }}' }, { enabled: true, token: '' }],
    [
      { 'check-runs': 'false', 'github-token': 'ghs_abc' },
      { enabled: false, token: 'ghs_abc' }
    ]
  ])('check runs %j', (values, checks) => {
    expect(getInputs(reader(values)).checks).toEqual(checks)
  })

  it('masks github-token', () => {
    const masked: string[] = []
    maskSecretInputs(reader({ 'github-token': 'ghs_abc' }), (v) => masked.push(v))
    expect(masked).toContain('ghs_abc')
  })

  it.each([
    [
      { 'pipeline-ids': '' },
      "Input 'pipeline-ids': is required; give one or more pipeline IDs separated by commas, spaces or newlines (or their names in " +
        'pipelines)'
    ],
    [{ pipelines: 'shop-build' }, "Input 'pipelines': is given together with pipeline-ids; name the pipelines by ID or by name, not both"],
    [{ 'pipeline-ids': '', pipelines: 'a,,b' }, "Input 'pipelines': entry 2 is empty (two commas in a row)"],
    [{ 'pipeline-ids': '', pipelines: 'a b', mode: 'wait', 'run-ids': PIPELINE }, "Input 'run-ids': has 1 run IDs for 2 pipelines"],
    [
      { 'pipeline-ids': 'https://devcloud.example/pipeline/1' },
      "Input 'pipeline-ids': 'https://devcloud.example/pipeline/1' is not a pipeline ID"
    ],
    [{ 'project-id': '' }, "Input 'project-id': is required"],
    [{ 'project-id': 'abc' }, "Input 'project-id': 'abc' is not a CodeArts project ID"],
    [{ mode: 'wait', 'run-ids': `${PIPELINE} ${PIPELINE}` }, "Input 'run-ids': has 2 run IDs for 1 pipelines"],
    [{ mode: 'wait', 'pipeline-ids': `${PIPELINE} ${PROJECT}`, 'run-ids': PIPELINE }, "Input 'run-ids': has 1 run IDs for 2 pipelines"],
    [{ 'access-key': '' }, "Input 'access-key': is missing; access-key, secret-key go together (secret-key given)"],
    [{ username: 'u' }, "Input 'username': credentials given twice (access-key/secret-key and username/password/domain)"],
    [
      { username: 'u', 'access-key': '', 'secret-key': '' },
      "Input 'password': is missing; username, password, domain go together (username given)"
    ],
    [
      { token: 'T', 'access-key': '', 'secret-key': '', 'iam-project-id': PROJECT },
      "Input 'iam-project-id': is only used with access-key and secret-key"
    ],
    [{ region: 'Beijing' }, "Input 'region': 'Beijing' is not a region ID"],
    [
      { endpoint: 'https://cloudpipeline-ext.ap-southeast-3.myhuaweicloud.com' },
      "Input 'endpoint': 'https://cloudpipeline-ext.ap-southeast-3.myhuaweicloud.com' is in region ap-southeast-3, but region is " +
        'cn-north-4; set region: ap-southeast-3, or use the endpoint of cn-north-4 (tokens, signatures and pipelines belong to one region)'
    ],
    [
      { 'iam-endpoint': 'https://iam.cn-north-1.myhuaweicloud.com' },
      "Input 'iam-endpoint': 'https://iam.cn-north-1.myhuaweicloud.com' is in region cn-north-1, but region is cn-north-4"
    ],
    [
      { 'iam-project-id': PROJECT.toUpperCase() },
      "Input 'project-id': is the same ID as iam-project-id, and the two are never equal. 'project-id' is the CodeArts project ID, the " +
        "32 characters after /project/ in the address of a pipeline's page in the CodeArts console"
    ],
    [{ timeout: '30' }, "Input 'timeout': '30' has no unit; write 30m for minutes or 30s for seconds"],
    [{ 'pipeline-ids': `${PIPELINE},` }, "Input 'pipeline-ids': entry 2 is empty (the list ends with a comma); remove the extra comma"],
    [{ 'poll-interval': '50ms' }, "Input 'poll-interval': must be at least 0.1s"],
    [{ 'poll-interval': '1m', 'max-poll-interval': '30s' }, "Input 'max-poll-interval': must not be shorter than poll-interval (1m)"],
    [{ timeout: '0.5s' }, "Input 'timeout': must be at least 1s"],
    [{ 'log-lines': '0' }, "Input 'log-lines': '0' is not a whole number from 1 to 10000"],
    [{ 'log-lines': '10001' }, "Input 'log-lines': '10001' is not a whole number from 1 to 10000"],
    [{ logs: 'some' }, "Input 'logs': 'some' is not one of failed, all, none"],
    [{ provider: 'jenkins' }, "Input 'provider': 'jenkins' is not one of codearts, yunxiao"],
    [{ description: 'x'.repeat(961) }, "Input 'description': is 961 characters; the limit is 960"],
    [{ 'check-runs': 'maybe' }, "Input 'check-runs': 'maybe'"]
  ])('refuses %j', (values, message) => {
    expect(() => getInputs(reader(values))).toThrow(message)
  })
})

describe('getInputs for yunxiao', () => {
  /** Yunxiao inputs: integer IDs, a token and an organization by default. */
  const yunxiao = (values: Record<string, string>) => {
    const all: Record<string, string> = { provider: 'yunxiao', 'pipeline-ids': '4100', token: 'pt-x', 'organization-id': 'org1', ...values }
    return (name: string) => all[name] ?? ''
  }

  it.each([
    [{}, { api: 'openapi', endpoint: 'https://openapi-rdc.aliyuncs.com', organizationId: 'org1', auth: { kind: 'token', token: 'pt-x' } }],
    [
      { 'organization-id': '', endpoint: 'https://shop.devops.aliyuncs.com/' },
      { api: 'openapi', endpoint: 'https://shop.devops.aliyuncs.com', auth: { kind: 'token', token: 'pt-x' } }
    ],
    [
      { token: '', 'access-key': 'LTAI', 'secret-key': 'S', 'security-token': 'ST' },
      {
        api: 'devops',
        endpoint: 'https://devops.cn-hangzhou.aliyuncs.com',
        organizationId: 'org1',
        auth: { kind: 'aksk', accessKeyId: 'LTAI', accessKeySecret: 'S', securityToken: 'ST' }
      }
    ]
  ])('%j', (values, connection) => {
    expect(getInputs(yunxiao(values)).connection).toEqual({ provider: 'yunxiao', ...connection })
  })

  it.each([
    [
      { 'pipeline-ids': '0123456789abcdef0123456789abcdef' },
      "Input 'pipeline-ids': '0123456789abcdef0123456789abcdef' is not a Yunxiao pipeline ID"
    ],
    [{ mode: 'wait', 'run-ids': 'latest' }, "Input 'run-ids': 'latest' is not a Yunxiao run ID"],
    [{ 'organization-id': '' }, "Input 'organization-id': is required on the central edition"],
    [
      { token: '', 'access-key': 'LTAI', 'secret-key': 'S', 'organization-id': '' },
      "Input 'organization-id': is required with access-key and secret-key"
    ],
    [{ token: '', 'access-key': 'LTAI' }, "Input 'secret-key': is missing; access-key, secret-key go together (access-key given)"],
    [
      { token: '' },
      "Input 'token': no credentials given; set token to a personal access token (recommended), or access-key and secret-key"
    ],
    [{ username: 'u' }, "Input 'username': is a CodeArts input and provider is yunxiao; remove it"],
    [{ jobs: 'j1' }, "Input 'jobs': Yunxiao runs every stage of a pipeline"],
    [{ variables: 'A=1\nversion = 2' }, "Input 'variables': Yunxiao reserves the variable name version"],
    [{ 'organization-id': 'a b' }, "Input 'organization-id': 'a b' is not an organization ID"]
  ])('refuses %j', (values, message) => {
    expect(() => getInputs(yunxiao(values))).toThrow(message)
  })
})
