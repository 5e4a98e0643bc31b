// Runs the store emulator alone:
//   npx tsx packages/store-emulator/src/cli.ts --port 4100 --seed 1 --products 500
// Prints the GraphQL URL, the shop and the access token, then serves until Ctrl-C.
import { parseArgs } from "node:util";
import { z } from "zod";
import { start } from "./emulator.js";

const HELP = `Usage: store-emulator [options]

  --port <n>            port to listen on (default 4100, 0 = any free port)
  --host <addr>         interface to bind (default 127.0.0.1)
  --shop <domain>       shop domain (default ninjalead-demo.myshopify.com)
  --seed <n>            generator seed (default 1)
  --products <n>        products to generate (default 500)
  --customers <n>       customers to generate (default 5000)
  --orders <n>          orders to generate (default 50000)
  --access-token <t>    access token to accept (default: random shpat_…)
  --api-key <k>         app API key (default emulator-api-key)
  --api-secret <s>      app API secret, signs webhooks (default emulator-api-secret)
  --webhook-url <url>   deliver every webhook topic to this URL (the app's webhook route)
  --bucket <n>          cost bucket size (default 2000)
  --restore-rate <n>    cost points restored per second (default 100)
  --help                show this help
`;

const integer = (name: string) =>
  z.string().regex(/^\d+$/, `${name} must be a non-negative integer`).transform(Number);

const argsSchema = z.object({
  port: integer("--port").default(4100),
  host: z.string().default("127.0.0.1"),
  shop: z.string().optional(),
  seed: integer("--seed").default(1),
  products: integer("--products").default(500),
  customers: integer("--customers").default(5_000),
  orders: integer("--orders").default(50_000),
  "access-token": z.string().optional(),
  "api-key": z.string().optional(),
  "api-secret": z.string().optional(),
  "webhook-url": z.url().optional(),
  bucket: integer("--bucket").default(2_000),
  "restore-rate": integer("--restore-rate").default(100),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      shop: { type: "string" },
      seed: { type: "string" },
      products: { type: "string" },
      customers: { type: "string" },
      orders: { type: "string" },
      "access-token": { type: "string" },
      "api-key": { type: "string" },
      "api-secret": { type: "string" },
      "webhook-url": { type: "string" },
      bucket: { type: "string" },
      "restore-rate": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    process.stderr.write(
      `${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n")}\n\n${HELP}`,
    );
    process.exitCode = 2;
    return;
  }
  const args = parsed.data;
  const began = Date.now();
  const emulator = await start({
    port: args.port,
    host: args.host,
    ...(args.shop ? { shop: args.shop } : {}),
    ...(args["access-token"] ? { accessToken: args["access-token"] } : {}),
    ...(args["api-key"] ? { apiKey: args["api-key"] } : {}),
    ...(args["api-secret"] ? { apiSecret: args["api-secret"] } : {}),
    generate: { seed: args.seed, products: args.products, customers: args.customers, orders: args.orders },
    throttle: { maximumAvailable: args.bucket, restoreRate: args["restore-rate"], maxQueryCost: 1_000 },
    webhooks: args["webhook-url"] ? { appUrl: args["webhook-url"] } : {},
    logger: {
      info: (message) => process.stderr.write(`${message}\n`),
      warn: (message) => process.stderr.write(`warning: ${message}\n`),
    },
  });
  const { store } = emulator;
  process.stdout.write(
    [
      `Store emulator (Shopify Admin API 2026-10) ready in ${Date.now() - began} ms`,
      `  GraphQL:       ${emulator.graphqlUrl}`,
      `  Shop:          ${emulator.shop}`,
      `  Access token:  ${emulator.accessToken}`,
      `  Data:          ${store.products.size} products, ${store.customers.size} customers, ${store.orders.size} orders (seed ${args.seed})`,
      `  Webhooks to:   ${args["webhook-url"] ?? "(none; subscribe with webhookSubscriptionCreate)"}`,
      "",
    ].join("\n"),
  );
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

await main();
