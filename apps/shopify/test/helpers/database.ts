// Fresh, migrated databases for app tests: a throwaway PostgreSQL database, or in-memory PGlite.
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "../../../../scripts/test-services.js";
import { openDatabase, type Database } from "../../app/db/client.server.js";
import { applyMigrations, defaultPrismaPaths } from "../../app/db/migrations.server.js";

export type DatabaseKind = "postgres" | "pglite";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

export interface TestDatabase {
  db: Database;
  /** The PostgreSQL URL (undefined for PGlite). */
  url: string | undefined;
  close(): Promise<void>;
}

export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const db = openDatabase({ kind: "pglite", dataDir: "memory" });
    await applyMigrations(defaultPrismaPaths(repoRoot), db.adapterFactory);
    return { db, url: undefined, close: () => db.close() };
  }
  const created = await createTestDatabase("nl_app");
  const db = openDatabase({ kind: "postgres", url: created.url });
  await applyMigrations(defaultPrismaPaths(repoRoot), db.adapterFactory);
  return {
    db,
    url: created.url,
    close: async () => {
      await db.close();
      await created.drop();
    },
  };
}
