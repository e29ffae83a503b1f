// Generated from action.yml by scripts/generate.mjs (npm run build): do not edit.

/** Every input's default, as action.yml gives it ('' where it gives none). */
export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  "provider": "codearts",
  "mode": "trigger-and-wait",
  "pipeline-ids": "",
  "pipelines": "",
  "run-ids": "",
  "region": "cn-north-4",
  "endpoint": "",
  "iam-endpoint": "",
  "project-id": "",
  "iam-project-id": "",
  "access-key": "",
  "secret-key": "",
  "security-token": "",
  "token": "",
  "username": "",
  "password": "",
  "domain": "",
  "organization-id": "",
  "ref": "",
  "variables": "",
  "secret-variables": "",
  "description": "",
  "stages": "",
  "jobs": "",
  "timeout": "60m",
  "poll-interval": "5s",
  "max-poll-interval": "30s",
  "on-manual-gate": "wait",
  "fail-fast": "false",
  "cancel-on-abort": "true",
  "logs": "failed",
  "log-lines": "300",
  "summary": "true",
  "check-runs": "true",
  "github-token": "${{ github.token }}"
}

/** The inputs action.yml declares, in its order. */
export const INPUT_NAMES: readonly string[] = [
  "provider",
  "mode",
  "pipeline-ids",
  "pipelines",
  "run-ids",
  "region",
  "endpoint",
  "iam-endpoint",
  "project-id",
  "iam-project-id",
  "access-key",
  "secret-key",
  "security-token",
  "token",
  "username",
  "password",
  "domain",
  "organization-id",
  "ref",
  "variables",
  "secret-variables",
  "description",
  "stages",
  "jobs",
  "timeout",
  "poll-interval",
  "max-poll-interval",
  "on-manual-gate",
  "fail-fast",
  "cancel-on-abort",
  "logs",
  "log-lines",
  "summary",
  "check-runs",
  "github-token"
]

/** Each input as action.yml describes it, in its order: what the command's --help says of its flag. */
export const INPUT_HELP: readonly { name: string; description: string; default: string; required: boolean }[] = [
  {
    name: "provider",
    description:
      "`codearts` (Huawei Cloud CodeArts Pipeline) or `yunxiao` (Alibaba Cloud Yunxiao Flow).",
    default: "codearts",
    required: false
  },
  {
    name: "mode",
    description:
      "`trigger-and-wait`; `trigger`: start the runs, set the outputs, do not wait; `wait`: wait " +
      "on each pipeline's latest run, or on `run-ids`.",
    default: "trigger-and-wait",
    required: false
  },
  {
    name: "pipeline-ids",
    description:
      "One or more pipeline IDs (CodeArts: 32 hexadecimal characters, the last part of the " +
      "pipeline page's URL; Yunxiao: a whole number), separated by commas, spaces or newlines. " +
      "Order is kept; duplicates are an error. Give this or `pipelines`.",
    default: "",
    required: false
  },
  {
    name: "pipelines",
    description:
      "Pipeline names instead of IDs, in the same list form. Each is looked up once, before " +
      "anything starts, and must name exactly one pipeline (CodeArts: of `project-id`; Yunxiao: " +
      "of the organization); names match exactly, case included.",
    default: "",
    required: false
  },
  {
    name: "run-ids",
    description:
      "`mode: wait` only: one run ID per pipeline, in the same order. Empty: each pipeline's " +
      "latest run.",
    default: "",
    required: false
  },
  {
    name: "region",
    description:
      "CodeArts region: selects the API and IAM hosts.",
    default: "cn-north-4",
    required: false
  },
  {
    name: "endpoint",
    description:
      "API base URL, for private clouds, proxies, a Yunxiao region edition and the local " +
      "simulator. Empty: the region's CodeArts endpoint, or Yunxiao's central edition (token) or " +
      "devops.cn-hangzhou.aliyuncs.com (AK/SK).",
    default: "",
    required: false
  },
  {
    name: "iam-endpoint",
    description:
      "IAM base URL. Empty: `https://iam.{region}.myhuaweicloud.com`.",
    default: "",
    required: false
  },
  {
    name: "project-id",
    description:
      "CodeArts project ID (32 hexadecimal characters, in the project's URL; not the IAM project " +
      "ID). Required with `provider: codearts`.",
    default: "",
    required: false
  },
  {
    name: "iam-project-id",
    description:
      "IAM project ID of the region, sent as `X-Project-Id` with AK/SK. Empty: looked up once " +
      "through IAM (`GET /v3/projects?name={region}`).",
    default: "",
    required: false
  },
  {
    name: "access-key",
    description:
      "Access key ID. With `secret-key`, requests are signed and the secret never leaves the " +
      "runner: the recommended way on CodeArts; on Yunxiao, the 2021 `devops` API.",
    default: "",
    required: false
  },
  {
    name: "secret-key",
    description:
      "Secret access key (SK).",
    default: "",
    required: false
  },
  {
    name: "security-token",
    description:
      "Security token of a temporary access key.",
    default: "",
    required: false
  },
  {
    name: "token",
    description:
      "CodeArts: a ready IAM token. Yunxiao: a personal access token.",
    default: "",
    required: false
  },
  {
    name: "username",
    description:
      "IAM user name; with `password` and `domain`, the action gets a region-scoped token from " +
      "IAM.",
    default: "",
    required: false
  },
  {
    name: "password",
    description:
      "IAM user password.",
    default: "",
    required: false
  },
  {
    name: "domain",
    description:
      "Account (domain) name of the IAM user.",
    default: "",
    required: false
  },
  {
    name: "organization-id",
    description:
      "Yunxiao organization ID (central edition, and the AK/SK API).",
    default: "",
    required: false
  },
  {
    name: "ref",
    description:
      "Branch or tag to run: `main`, `refs/heads/main`, `refs/tags/v1.2.0`.",
    default: "",
    required: false
  },
  {
    name: "variables",
    description:
      "Run parameters, one `NAME=value` a line (spaces around the name and value are trimmed; the " +
      "value may contain `=`).",
    default: "",
    required: false
  },
  {
    name: "secret-variables",
    description:
      "Names of variables whose values are secret whatever their names say: masked in the log, " +
      "hidden in the summary. Names with PASSWORD, TOKEN, SECRET, KEY and the like are already.",
    default: "",
    required: false
  },
  {
    name: "description",
    description:
      "Run description. Empty: the repository, the pull request if any, the commit and the " +
      "workflow run URL. A short random marker (`[gha-…]`) is always appended.",
    default: "",
    required: false
  },
  {
    name: "stages",
    description:
      "Identifiers of the stages to run (CodeArts `choose_stages`).",
    default: "",
    required: false
  },
  {
    name: "jobs",
    description:
      "Identifiers of the jobs to run (CodeArts `choose_jobs`).",
    default: "",
    required: false
  },
  {
    name: "timeout",
    description:
      "One deadline for the whole step: `90s`, `10m`, `1h30m`; at most `120h` (a self-hosted " +
      "runner's job limit; a GitHub-hosted job stops at 6 hours).",
    default: "60m",
    required: false
  },
  {
    name: "poll-interval",
    description:
      "The interval between status reads while a run is expected to end (from how long its " +
      "pipeline's recent runs took), and the first interval of the backoff used otherwise (at " +
      "least `0.1s`).",
    default: "5s",
    required: false
  },
  {
    name: "max-poll-interval",
    description:
      "The interval between status reads never grows past this (at most `1h`).",
    default: "30s",
    required: false
  },
  {
    name: "on-manual-gate",
    description:
      "A run paused for a person (`PAUSED`, `SUSPEND`, `WAITING`): `wait` until the timeout, or " +
      "`fail`.",
    default: "wait",
    required: false
  },
  {
    name: "fail-fast",
    description:
      "When one pipeline fails, stop the runs of the others this step started and end at once.",
    default: "false",
    required: false
  },
  {
    name: "cancel-on-abort",
    description:
      "Stop the runs this step started when the job is cancelled, the timeout passes or a later " +
      "start is refused.",
    default: "true",
    required: false
  },
  {
    name: "logs",
    description:
      "Which step logs to print: `failed`, `all`, `none`.",
    default: "failed",
    required: false
  },
  {
    name: "log-lines",
    description:
      "At most this many lines per step, the last ones (1 to 10000; of a line longer than 2000 " +
      "characters, its end is kept).",
    default: "300",
    required: false
  },
  {
    name: "summary",
    description:
      "Write the job summary.",
    default: "true",
    required: false
  },
  {
    name: "check-runs",
    description:
      "Show each pipeline as a check run on the commit under test (a pull request's head): its " +
      "stages while it runs, then its conclusion, the failing step and its log tail. Needs " +
      "`checks: write` for `github-token`; without it, one notice and no check runs.",
    default: "true",
    required: false
  },
  {
    name: "github-token",
    description:
      "Token for the check runs (GitHub's REST API). The job's own token is enough when the job " +
      "has `permissions: checks: write`.",
    default: "${{ github.token }}",
    required: false
  }
]

/** The package's version (package.json). */
export const VERSION = "0.1.0"

/** The outputs action.yml declares, in its order. */
export const OUTPUT_NAMES: readonly string[] = [
  "conclusion",
  "results",
  "run-ids",
  "run-id",
  "run-url",
  "status"
]
