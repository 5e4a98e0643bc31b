/**
 * `npm test`: everything CI checks, in order, stopping at the first failure:
 * services reachable → lint → typecheck → build → all test suites → packed-SDK checks.
 * Uses DATABASE_URL / REDIS_URL when set, otherwise PostgreSQL and Redis on 127.0.0.1.
 */
import { spawnSync } from "node:child_process";
import { Socket } from "node:net";
import { POSTGRES_URL, REDIS_URL } from "./test-services.ts";

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(2_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.connect(Number(u.port || defaultPort), u.hostname || "127.0.0.1");
  });
}

function step(name: string, command: string, args: string[]): void {
  const started = Date.now();
  process.stdout.write(`\n▶ ${name}\n`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "0" },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`\n✖ ${name} failed after ${seconds} s\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`✔ ${name} (${seconds} s)\n`);
}

const missing: string[] = [];
if (!(await reachable(POSTGRES_URL, 5432)))
  missing.push(`PostgreSQL at ${new URL(POSTGRES_URL).host} (set DATABASE_URL)`);
if (!(await reachable(REDIS_URL, 6379))) missing.push(`Redis at ${new URL(REDIS_URL).host} (set REDIS_URL)`);
if (missing.length > 0) {
  process.stderr.write(
    `npm test needs real services, and these are unreachable:\n  - ${missing.join("\n  - ")}\n`,
  );
  process.exit(1);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
step("lint (eslint + prettier)", npm, ["run", "-s", "lint"]);
step("typecheck (tsc, every workspace)", npm, ["run", "-s", "typecheck"]);
step("build (Prisma client, @ninjalead/core, the app)", npm, ["run", "-s", "build"]);
step("tests (vitest: core, app, emulators, theme)", npm, ["run", "-s", "test:unit"]);
step("packed SDK (npm pack → publint, attw, ESM + CJS consumer)", npm, ["run", "-s", "test:pack"]);
process.stdout.write("\nAll checks passed.\n");
