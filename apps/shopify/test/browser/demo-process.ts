// Starts `npm run demo`'s entry (apps/shopify/demo.ts) as a child process on free ports with a small
// seeded store, and waits until it has installed the app, synced and started serving.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../../../scripts/redis-server.js";
import { signSessionToken } from "../../app/shopify/session-token.server.js";

const appDir = fileURLToPath(new URL("../..", import.meta.url));
// The demo's fixed credentials (apps/shopify/demo.ts): they only work against its local emulator.
const DEMO_API_KEY = "ninjalead-demo-api-key";
const DEMO_API_SECRET = "ninjalead-demo-api-secret";

export interface RunningDemo {
  appUrl: string;
  graphqlUrl: string;
  shop: string;
  /** Queries the store emulator's Admin GraphQL API with a token of its own (token exchange). */
  adminQuery<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  output(): string;
  stop(): Promise<void>;
}

export async function startDemo(size: {
  products: number;
  customers: number;
  orders: number;
}): Promise<RunningDemo> {
  if (!existsSync(join(appDir, "build/server/index.js"))) {
    throw new Error("apps/shopify is not built: run `npm run build -w @ninjalead/shopify-app` first");
  }
  const port = await freePort();
  let log = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "demo.ts"], {
    cwd: appDir,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "development",
      PORT: String(port),
      EMULATOR_PORT: "0",
      DEMO_PRODUCTS: String(size.products),
      DEMO_CUSTOMERS: String(size.customers),
      DEMO_ORDERS: String(size.orders),
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = new Promise<{ appUrl: string; graphqlUrl: string }>((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += d.toString();
      const app = /NinjaLead demo: open (\S+)/.exec(log);
      const emulator = /Store emulator: (\S+)/.exec(log);
      if (app?.[1] && emulator?.[1]) resolve({ appUrl: app[1], graphqlUrl: emulator[1] });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
    child.once("exit", (code) => reject(new Error(`demo exited with ${code}:\n${log}`)));
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  };
  let urls: { appUrl: string; graphqlUrl: string };
  try {
    urls = await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  const shop = /"shop":"([^"]+\.myshopify\.com)"/.exec(log)?.[1];
  if (!shop) {
    await stop();
    throw new Error(`demo did not log its shop:\n${log}`);
  }
  const origin = new URL(urls.graphqlUrl).origin;
  const exchange = await fetch(`${origin}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_id: DEMO_API_KEY,
      client_secret: DEMO_API_SECRET,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: signSessionToken({ apiKey: DEMO_API_KEY, apiSecret: DEMO_API_SECRET, shop }),
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:online-access-token",
    }),
  });
  const { access_token: token } = (await exchange.json()) as { access_token: string };
  return {
    ...urls,
    shop,
    output: () => log,
    stop,
    adminQuery: async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(urls.graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "x-shopify-access-token": token },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown };
      if (!body.data) throw new Error(`emulator query failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
  };
}
