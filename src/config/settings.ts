// The validated form of every input. getInputs() is the only producer; everything else takes a
// Settings and never reads an input itself.

import type { RetryPolicy } from '../net/http.js'
import type { GitRef, Variable } from './parse.js'

export type Mode = 'trigger-and-wait' | 'trigger' | 'wait'
export type ManualGatePolicy = 'wait' | 'fail'
export type LogsPolicy = 'failed' | 'all' | 'none'

/** How to authenticate to CodeArts: exactly one of these. */
export type CodeArtsAuth =
  | {
      /** Request signing; the secret key never leaves the runner. */
      kind: 'aksk'
      accessKey: string
      secretKey: string
      /** For temporary (STS) keys. */
      securityToken?: string
      /** Sent as X-Project-Id; resolved through IAM from the region when not given. */
      iamProjectId?: string
    }
  | { kind: 'token'; token: string }
  | { kind: 'password'; username: string; password: string; domain: string }

export interface CodeArtsConnection {
  provider: 'codearts'
  region: string
  /** CodeArts Pipeline API base URL, without a trailing slash. */
  endpoint: string
  /** IAM base URL, without a trailing slash. */
  iamEndpoint: string
  /** The CodeArts project (32 hex), which is part of every API path. Not the IAM project. */
  projectId: string
  auth: CodeArtsAuth
}

export type YunxiaoAuth =
  | { kind: 'token'; token: string }
  | { kind: 'aksk'; accessKeyId: string; accessKeySecret: string; securityToken?: string }

export interface YunxiaoConnection {
  provider: 'yunxiao'
  /** `openapi`: the current API, /oapi/v1 with a personal access token; `devops`: the AK/SK API of 2021-06-25. */
  api: 'openapi' | 'devops'
  /** Base URL without a trailing slash. */
  endpoint: string
  /** Paths name it on the central edition and in the devops API; absent: a region edition. */
  organizationId?: string
  auth: YunxiaoAuth
}

export type Connection = CodeArtsConnection | YunxiaoConnection

/** What a start request asks for, whatever the provider. */
export interface TriggerSettings {
  ref?: GitRef
  variables: Variable[]
  /** Names of variables whose values are secret, whatever their names say. */
  secretVariables: string[]
  /** The user's description; the action appends its own marker to it. Undefined: the default text. */
  description?: string
  stages: string[]
  jobs: string[]
}

export interface WaitSettings {
  timeoutMs: number
  pollIntervalMs: number
  maxPollIntervalMs: number
  onManualGate: ManualGatePolicy
  failFast: boolean
}

export interface ReportSettings {
  logs: LogsPolicy
  logLines: number
  summary: boolean
}

/** Check runs on GitHub (`check-runs`, `github-token`); see src/checks/. */
export interface CheckSettings {
  enabled: boolean
  /** '' when none was given, or when the runner did not expand the default (the local debugger). */
  token: string
}

export interface Settings {
  mode: Mode
  /** In input order; no duplicates. Empty when `pipelines` names them instead. */
  pipelineIds: string[]
  /** `pipelines`: names, each looked up once before anything starts (gate/). Empty when `pipeline-ids` is given. */
  pipelineNames: string[]
  /** `mode: wait` only: one run per pipeline, same order. Empty: wait on each pipeline's latest run. */
  runIds: string[]
  connection: Connection
  trigger: TriggerSettings
  wait: WaitSettings
  /** Stop remote runs this step started when the job is cancelled or the timeout passes. */
  cancelOnAbort: boolean
  report: ReportSettings
  checks: CheckSettings
}

/** Timings that tests shorten; production uses the defaults. */
export interface Tuning {
  retry?: RetryPolicy
  requestTimeoutMs?: number
  /** How long a start whose answer was lost is searched for (gate/start.ts SEARCH_WINDOW_MS). */
  searchWindowMs?: number
  /** Pause before retrying a failed read of the runs to wait on. */
  settleMs?: number
}
