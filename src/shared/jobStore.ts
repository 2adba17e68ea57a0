/** A message to send later: stored with its due time so that any replica can send it, once. */
export interface Job {
  /** One job per id: scheduling the same id again replaces it (a new hold in the same conversation). */
  id: string;
  kind: string;
  /** Milliseconds since 1970. */
  dueAt: number;
  /** Dropped instead of sent when it is found this long after its due time (the process was down). */
  staleAfterMs: number;
  payload: unknown;
}

export interface JobStore {
  put(job: Job): Promise<void>;
  remove(id: string): Promise<void>;
  /** Removes and returns jobs due by `now`, at most `limit`: a job is handed to one caller only. */
  claimDue(now: number, limit: number): Promise<Job[]>;
}
