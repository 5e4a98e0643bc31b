/** What the ai queue carries: long AI work a merchant started, tracked in the Job table. */
export type AiJob =
  | { kind: "bulk-fix"; shop: string; jobId: string }
  /** Persona generation/translation or campaign creation (app/marketing/marketing-jobs.server.ts). */
  | { kind: "marketing"; shop: string; jobId: string };

/** The queue id of a Job row's run: adding it twice (a double click, a retry) queues it once. */
export const aiQueueJobId = (jobId: string): string => `ai-${jobId}`;
