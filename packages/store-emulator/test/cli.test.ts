import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("../src/cli.ts", import.meta.url));

describe("the CLI runs the emulator alone", () => {
  it("starts a seeded store, prints how to reach it, serves GraphQL and stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        CLI,
        "--port",
        "0",
        "--seed",
        "2",
        "--products",
        "12",
        "--customers",
        "5",
        "--orders",
        "20",
      ],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      let stdout = "";
      child.stdout.setEncoding("utf8");
      // Readiness is the banner, not a delay.
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: string) => {
          stdout += chunk;
          if (stdout.includes("Access token:")) resolve();
        });
        child.once("exit", (code) => reject(new Error(`CLI exited early with ${String(code)}`)));
      });
      const url = /GraphQL:\s+(\S+)/.exec(stdout)?.[1] ?? "";
      const token = /Access token:\s+(\S+)/.exec(stdout)?.[1] ?? "";
      expect(stdout).toContain("12 products, 5 customers, 20 orders (seed 2)");
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
        body: JSON.stringify({ query: "{ productsCount { count } }" }),
      });
      expect(((await response.json()) as { data: unknown }).data).toEqual({ productsCount: { count: 12 } });
      child.kill("SIGTERM");
      const [code] = (await once(child, "exit")) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  it("rejects bad options with the help text and exit code 2", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", CLI, "--products", "many"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain("--products must be a non-negative integer");
    expect(stderr).toContain("Usage: store-emulator");
  });
});
