import type { SyncResource } from "../sync/resources.server.js";

/** What the sync queue carries. */
export type SyncJob =
  | { kind: "bulk-sync"; shop: string; resource: SyncResource }
  | { kind: "reconcile"; shop: string; resource: SyncResource }
  | { kind: "purge-shop"; shop: string };
