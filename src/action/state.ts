/** What the main step leaves for the post step (through GITHUB_STATE). */
export const IN_FLIGHT_STATE = 'ddflow-in-flight-stage';

/** The stage that was running; cleared when it ends. Present in the post step only if the job was cut short. */
export interface InFlightStage {
  workflow: string;
  stage: string;
  stageDir: string;
  fingerprint: string;
  prefix: string;
  /** The stage was running as this shard (its interrupted row groups are saved under the shard's partial key). */
  shard?: { index: number; count: number };
}
