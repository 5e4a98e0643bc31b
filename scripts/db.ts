/**
 * Database tasks through Prisma's WASM schema engine (no downloaded binary needed):
 *   npm run db:diff -- <name>   writes prisma/migrations/<timestamp>_<name>/migration.sql for the schema change
 *   npm run db:migrate          applies pending migrations to DATABASE_URL, or to the embedded PGlite
 */
import { fileURLToPath } from "node:url";
import { databaseTarget, openDatabase } from "../apps/shopify/app/db/client.server.ts";
import {
  applyMigrations,
  createMigration,
  defaultPrismaPaths,
} from "../apps/shopify/app/db/migrations.server.ts";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const paths = defaultPrismaPaths(repoRoot);
const [command, name] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command ?? "") {
    case "diff": {
      if (!name) {
        console.error("usage: npm run db:diff -- <migration_name>");
        return 2;
      }
      const dir = await createMigration(paths, name);
      console.log(
        dir ? `wrote ${dir}/migration.sql` : "schema.prisma matches the migrations: nothing to write",
      );
      return 0;
    }
    case "migrate": {
      const target = databaseTarget(process.env.DATABASE_URL, process.env.DATA_DIR ?? ".data");
      const db = openDatabase(target);
      try {
        const applied = await applyMigrations(paths, db.adapterFactory);
        console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
      } finally {
        await db.close();
      }
      return 0;
    }
    default:
      console.error("usage: tsx scripts/db.ts diff <name> | migrate");
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
