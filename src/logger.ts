import * as core from '@actions/core'

/** Where an annotation points and what it is called. */
export interface AnnotationProps {
  title?: string
}

/**
 * Everything the action prints goes through a Logger, so the core logic can be tested without
 * `@actions/core` and so there is one place that decides how text reaches the job log.
 */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string, props?: AnnotationProps): void
  error(message: string, props?: AnnotationProps): void
  startGroup(title: string): void
  endGroup(): void
  /** Registers a value with the runner's log masker. */
  secret(value: string): void
  isDebug(): boolean
}

/** The runner-facing logger. */
export const actionsLogger: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m, p) => core.warning(m, p ?? {}),
  error: (m, p) => core.error(m, p ?? {}),
  startGroup: (t) => core.startGroup(t),
  endGroup: () => core.endGroup(),
  secret: (v) => core.setSecret(v),
  isDebug: () => core.isDebug()
}
