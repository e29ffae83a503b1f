// Generated from action.yml by scripts/generate.mjs (npm run build): do not edit.

/** Every input's default, as action.yml gives it ('' where it gives none). */
export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  "provider": "codearts",
  "mode": "trigger-and-wait",
  "pipeline-ids": "",
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
  "summary": "true"
}

/** The inputs action.yml declares, in its order. */
export const INPUT_NAMES: readonly string[] = [
  "provider",
  "mode",
  "pipeline-ids",
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
  "summary"
]

/** The outputs action.yml declares, in its order. */
export const OUTPUT_NAMES: readonly string[] = [
  "conclusion",
  "results",
  "run-ids",
  "run-id",
  "run-url",
  "status"
]
