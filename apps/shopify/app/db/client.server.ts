import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** Parameterised SQL straight on the driver: for multi-row upserts and COPY-speed paths. */
export interface SqlRunner {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /**
   * `COPY … FROM STDIN` with `data` in COPY text format (a string, or its UTF-8 bytes). Only on a
   * transaction's runner (its connection is fixed, so a temporary staging table filled by COPY is
   * visible to what follows).
   */
  copyIn?(statement: string, data: string | Uint8Array): Promise<void>;
}

/** Raw SQL access, with transactions, for the sync's hot paths (Prisma stays for everything else). */
export interface Sql extends SqlRunner {
  transaction<T>(run: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

/** Where the data lives: a PostgreSQL server, or embedded PGlite in a directory (or in memory). */
export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  /** `dataDir` is a directory, or "memory" for a throwaway in-memory database. */
  | { kind: "pglite"; dataDir: string };

export interface Database {
  readonly kind: DatabaseTarget["kind"];
  readonly prisma: PrismaClient;
  /** The driver adapter factory, shared with the migration engine (PGlite allows one opener). */
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  readonly sql: Sql;
  /** Cheap round trip for readiness checks; throws when the database is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite under `dataDir` (`.data/pglite` by default). */
export function databaseTarget(databaseUrl: string | undefined, dataDir: string): DatabaseTarget {
  if (databaseUrl) return { kind: "postgres", url: databaseUrl };
  return { kind: "pglite", dataDir: dataDir === "memory" ? "memory" : resolve(dataDir, "pglite") };
}

/**
 * Opens a Prisma client on the target through its driver adapter. Synchronous on purpose: the
 * session storage needs the client when the Shopify module loads; connections open on first query.
 */
export function openDatabase(target: DatabaseTarget): Database {
  if (target.kind === "postgres") {
    const adapterFactory = new PrismaPg({ connectionString: target.url, connectionTimeoutMillis: 5_000 });
    const prisma = new PrismaClient({ adapter: adapterFactory });
    // A small pool of its own for raw SQL, opened on first use (most processes never need it).
    let pool: pg.Pool | undefined;
    const getPool = () => {
      if (!pool) {
        pool = new pg.Pool({ connectionString: target.url, max: 4, connectionTimeoutMillis: 5_000 });
        // An idle connection the server closed (restart, failover) must not crash the process:
        // the pool drops it and the next query opens a new one.
        pool.on("error", () => undefined);
      }
      return pool;
    };
    return {
      kind: "postgres",
      prisma,
      adapterFactory,
      sql: {
        query: async <Row>(text: string, params: unknown[] = []) =>
          (await getPool().query(text, params)).rows as Row[],
        transaction: async (run) => {
          const client = await getPool().connect();
          try {
            await client.query("BEGIN");
            const result = await run({
              query: async <Row>(text: string, params: unknown[] = []) =>
                (await client.query(text, params)).rows as Row[],
              copyIn: async (statement, data) => {
                await pipeline(
                  Readable.from([data], { objectMode: false }),
                  client.query(copyFrom(statement)),
                );
              },
            });
            await client.query("COMMIT");
            return result;
          } catch (error) {
            await client.query("ROLLBACK").catch(() => undefined);
            throw error;
          } finally {
            client.release();
          }
        },
      },
      ping: async () => {
        await prisma.$queryRawUnsafe("SELECT 1");
      },
      close: async () => {
        await prisma.$disconnect();
        await pool?.end();
      },
    };
  }
  if (target.dataDir !== "memory") mkdirSync(target.dataDir, { recursive: true });
  const pglite = target.dataDir === "memory" ? new PGlite() : new PGlite(target.dataDir);
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    kind: "pglite",
    prisma,
    adapterFactory,
    sql: {
      query: async <Row>(text: string, params: unknown[] = []) =>
        (await pglite.query<Row>(text, params)).rows,
      transaction: (run) =>
        pglite.transaction((tx) =>
          run({
            query: async <Row>(text: string, params: unknown[] = []) =>
              (await tx.query<Row>(text, params)).rows,
            // PGlite reads COPY data from the blob it is handed as /dev/blob.
            copyIn: async (statement, data) => {
              await tx.query(statement.replace(/FROM STDIN/i, "FROM '/dev/blob'"), [], {
                blob: new Blob([data as string | Uint8Array<ArrayBuffer>]),
              });
            },
          }),
        ),
    },
    ping: async () => {
      await pglite.query("SELECT 1");
    },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
