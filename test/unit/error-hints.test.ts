// What each service's errors tell the user to check: the service's code and message, then which input
// is wrong and how to find the right value. One table per service, read the way every answer is read.

import { describe, expect, it } from 'vitest'
import type { CodeArtsConnection, YunxiaoConnection } from '../../src/config/settings.ts'
import { readAnswer } from '../../src/net/answer.ts'
import type { HttpResponse } from '../../src/net/http.ts'
import { huaweiChannel } from '../../src/providers/codearts/call.ts'
import { alibabaChannel } from '../../src/providers/yunxiao/call.ts'

const PROJECT = '0f2c3f5a1b9e4d7c8a6b5e4d3c2b1a00'
const codearts = (auth: CodeArtsConnection['auth']): CodeArtsConnection => ({
  provider: 'codearts',
  region: 'ap-southeast-3',
  endpoint: 'https://cloudpipeline-ext.ap-southeast-3.myhuaweicloud.com',
  iamEndpoint: 'https://iam.ap-southeast-3.myhuaweicloud.com',
  projectId: PROJECT,
  auth
})
const AKSK = { kind: 'aksk', accessKey: 'AK', secretKey: 'SK' } as const
const yunxiao: YunxiaoConnection = {
  provider: 'yunxiao',
  api: 'openapi',
  endpoint: 'https://openapi-rdc.aliyuncs.com',
  organizationId: 'org-1',
  auth: { kind: 'token', token: 'pt-x' }
}

function answer(status: number, json: unknown): HttpResponse {
  return { status, headers: {}, body: JSON.stringify(json), json }
}

/** The error message a user sees for this answer. */
function said(rules: Parameters<typeof readAnswer>[2], status: number, json: unknown): string {
  try {
    readAnswer('starting pipeline p', answer(status, json), rules)
  } catch (error) {
    return (error as Error).message
  }
  return 'no error'
}

describe('CodeArts errors that point at an input', () => {
  const rules = huaweiChannel({} as never, codearts(AKSK)).rules
  it.each([
    [
      'DEVPIPE.00011412',
      403,
      `Check 'project-id' (${PROJECT}): CodeArts has no such project in ap-southeast-3, or the user of the credentials is not a member ` +
        "of it. 'project-id' is the CodeArts project ID"
    ],
    ['DEVPIPE.00011136', 200, `Check 'project-id' (${PROJECT})`],
    [
      'DEVPIPE.00011401',
      200,
      `Check 'pipeline-ids': the pipeline must belong to CodeArts project ${PROJECT} in region ap-southeast-3 ` +
        "(the host of the pipeline's page, devcloud.<region>.huaweicloud.com, names its region)"
    ],
    ['APIGW.0101', 404, "No such API at https://cloudpipeline-ext.ap-southeast-3.myhuaweicloud.com: check 'endpoint' and 'region'"]
  ])('%s', (code, status, hint) => {
    const message = said(rules, status, { error_code: code, error_msg: 'the service says' })
    expect(message).toContain(`starting pipeline p failed: HTTP ${status} ${code}: the service says. ${hint}`)
  })

  it('another error carries no hint', () => {
    expect(said(rules, 400, { error_code: 'DEVPIPE.00011003', error_msg: 'bad sources' })).toBe(
      'starting pipeline p failed: HTTP 400 DEVPIPE.00011003: bad sources'
    )
  })

  it.each<[string, CodeArtsConnection['auth'], RegExp]>([
    [
      'an access key',
      AKSK,
      /a runner clock more than 15 minutes off\. Nothing more was sent with this key: Huawei Cloud locks an access key/
    ],
    [
      'an access key with iam-project-id',
      { ...AKSK, iamProjectId: PROJECT },
      /an 'iam-project-id' that is not the IAM project ID of region ap-southeast-3 \(a CodeArts project ID there is refused the same way\)/
    ],
    ['a token', { kind: 'token', token: 'T' }, /Check 'token': .*it must be a token of ap-southeast-3/],
    ['a password', { kind: 'password', username: 'u', password: 'p', domain: 'd' }, /IAM locks a user after repeated wrong passwords/]
  ])('a refusal of %s names the likely causes', (_, auth, hint) => {
    const message = said(huaweiChannel({} as never, codearts(auth)).rules, 401, { error_code: 'APIGW.0301', error_msg: 'refused' })
    expect(message).toMatch(hint)
  })
})

describe('Yunxiao errors that point at an input', () => {
  const rules = alibabaChannel({} as never, yunxiao).rules
  it.each([
    [
      'InvalidOrganization.NotFound',
      "Check 'organization-id' (org-1): it is the ID in the address of the organization's pages, devops.aliyun.com/organization/<ID>"
    ],
    ['InvalidPipeline.NotFound', "Check 'pipeline-ids': the pipeline must be in the organization of 'organization-id'"],
    ['Forbidden.UserNotInCurrentOrganization', "The user of the credentials is not a member of the organization of 'organization-id'"]
  ])('%s', (code, hint) => {
    expect(said(rules, 404, { errorCode: code, errorMessage: 'the service says' })).toContain(`the service says. ${hint}`)
  })
})
