import { isDetail, type RunRef, type RunSnapshot, runKey } from '../model.js'

/** Names runs for people: "shop-build #12" once the service has said so, the pipeline ID until then. */
export class RunLabels {
  private readonly names = new Map<string, string>()
  private readonly numbers = new Map<string, number>()

  /** Learns the pipeline's name and the run's number from whatever was read of the run. */
  remember(run: RunRef, snapshot: RunSnapshot): void {
    if (snapshot.runNumber !== undefined) this.numbers.set(runKey(run), snapshot.runNumber)
    if (isDetail(snapshot) && snapshot.pipelineName) this.names.set(run.pipelineId, snapshot.pipelineName)
  }

  label(run: RunRef): string {
    const number = this.numbers.get(runKey(run))
    return `${this.names.get(run.pipelineId) ?? `pipeline ${run.pipelineId}`}${number !== undefined ? ` #${number}` : ''}`
  }

  /** The pipeline's name when known. */
  name(pipelineId: string): string | undefined {
    return this.names.get(pipelineId)
  }
}
