// What each part of `npm run bench` hands back: one row of the goal table (issue 14's figures),
// printed at the end of the run and written as JSON for the record. Absolute times vary by machine,
// so a timed figure is a ratio to a reference measured in the same run.

export interface Figure {
  /** The row's name, as in the README's performance table. */
  figure: string
  /** What this run measured, as printed ("31 %", "4.2 s", "0.93× bare node"). */
  measured: string
  /** The goal, as printed ("≤ 50 %"). */
  goal: string
  met: boolean
  /** Why a goal that is not met cannot be met on that axis, or what the figure leaves out. */
  note?: string
  /** The raw numbers behind it, for the JSON record. */
  data?: Record<string, unknown>
}
