import { randomBytes, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { runBulkQuery } from "./bulk/runner.js";
import { runGraphQL } from "./graphql/engine.js";
import { CostBucket } from "./graphql/throttle.js";
import { generateStore } from "./generator/store.js";
import { fileFromMultipart, readBody, sendJson } from "./http.js";
import { emulatorOptionsSchema, type EmulatorOptionsInput } from "./options.js";
import type { EmulatorServices, ResolverContext } from "./resolvers/context.js";
import { API_VERSION, loadAdminSchema } from "./schema.js";
import { Store, type StoreChange } from "./store/store.js";
import { WebhookDispatcher, type DeliverySwitches } from "./webhooks/dispatcher.js";
import {
  customersDataRequestPayload,
  customersRedactPayload,
  payloadForChange,
  shopPayload,
  shopRedactPayload,
} from "./webhooks/payloads.js";
import { topicToEnum, type ComplianceTopic } from "./webhooks/topics.js";
import { handleTokenRequest, TokenRegistry } from "./oauth.js";

const GRAPHQL_PATH = `/admin/api/${API_VERSION}/graphql.json`;

const requestSchema = z.object({
  query: z.string().min(1),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

/** A running emulator. */
export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** `${url}/admin/api/2026-10/graphql.json` */
  graphqlUrl: string;
  /** The shop's myshopify domain. */
  shop: string;
  accessToken: string;
  apiKey: string;
  apiSecret: string;
  store: Store;
  /** The cost bucket (drain it to provoke THROTTLED). */
  bucket: CostBucket;
  webhooks: {
    /** Every delivery so far, with its attempts. */
    deliveries: WebhookDispatcher["deliveries"];
    /** Resolves when no delivery is in flight or waiting. */
    idle(): Promise<void>;
    setSwitches(switches: Partial<DeliverySwitches>): void;
    /** Sends deliveries held by the `reorder` switch now (reversed). */
    flush(): void;
    /** Changes where app-level webhooks go (the app's URL is often known only after the emulator). */
    setAppUrl(url: string | null, complianceUrl?: string | null): void;
  };
  /** Sends a mandatory compliance webhook, as Shopify does on a merchant's or customer's request. */
  triggerCompliance(topic: ComplianceTopic, options?: { customerId?: number }): string;
  /** Uninstalls the app: app/uninstalled is sent, the access token stops working. */
  triggerAppUninstalled(): string;
  /** Access tokens issued by the token endpoint (expire one to test the refresh path). */
  tokens: TokenRegistry;
  /** The merchant approves a pending app subscription (as the confirmation page does). */
  approveSubscription(subscriptionId: number): void;
  /** A `fetch` that sends `https://<shop>/…` requests to the emulator (for clients that insist on https). */
  fetch: typeof fetch;
  close(): Promise<void>;
}

function targetsFor(
  topic: string,
  store: Store,
  app: { url: string | null; topics: readonly string[] | null },
): string[] {
  const uris: string[] = [];
  const topicEnum = topicToEnum(topic);
  for (const sub of store.webhookSubscriptions.values()) {
    if (sub.topic === topicEnum && /^https?:/.test(sub.uri)) uris.push(sub.uri);
  }
  if (app.url && (!app.topics || app.topics.includes(topic))) uris.push(app.url);
  return uris;
}

/**
 * Starts the store emulator: Shopify's Admin GraphQL API 2026-10 over HTTP, validated against the
 * real schema, backed by an in-memory store, with cost throttling and signed webhooks.
 *
 * @example
 * const emulator = await start({ port: 0, generate: { seed: 1, products: 50, customers: 20, orders: 100 } });
 * await fetch(emulator.graphqlUrl, { method: "POST", headers: { "X-Shopify-Access-Token": emulator.accessToken, "Content-Type": "application/json" }, body: JSON.stringify({ query: "{ shop { name } }" }) });
 * await emulator.close();
 */
export async function start(input: EmulatorOptionsInput = {}): Promise<Emulator> {
  const { store: givenStore, logger, ...rest } = input;
  const parsed = emulatorOptionsSchema.safeParse(rest);
  if (!parsed.success) {
    throw new Error(
      `Invalid store emulator options: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`,
    );
  }
  const options = parsed.data;
  const log = logger ?? { info: () => undefined, warn: () => undefined };
  const schema = loadAdminSchema();
  const store =
    givenStore ??
    (options.generate
      ? generateStore({ ...options.generate, shop: options.shop })
      : new Store({ domain: options.shop }));
  let accessToken = options.accessToken ?? `shpat_${randomBytes(16).toString("hex")}`;
  let installed = true;
  const tokens = new TokenRegistry();
  const directory = await mkdtemp(join(tmpdir(), "store-emulator-"));
  const bucket = new CostBucket(options.throttle);
  const app = {
    url: options.webhooks.appUrl ?? null,
    complianceUrl: options.webhooks.complianceUrl ?? null,
    topics: options.webhooks.appTopics ?? null,
  };
  const dispatcher = new WebhookDispatcher({
    apiSecret: options.apiSecret,
    shopDomain: options.shop,
    apiVersion: API_VERSION,
    retry: options.webhooks.retry,
    timeoutMs: options.webhooks.timeoutMs,
    switches: {
      duplicate: options.webhooks.duplicate,
      drop: options.webhooks.drop,
      delayMs: options.webhooks.delayMs,
      reorder: options.webhooks.reorder,
    },
    logger: log,
  });
  let baseUrl = "";
  const runningBulk = new Set<Promise<void>>();

  const services: EmulatorServices = {
    baseUrl: () => baseUrl,
    app: {
      id: 7_700_001,
      title: "NinjaLead",
      apiKey: options.apiKey,
      handle: "ninjalead",
      scopes: options.scopes,
    },
    startBulkQuery: (id) => {
      const operation = store.bulkOperations.get(id);
      if (!operation) return;
      const run = runBulkQuery({
        schema,
        context: contextFor(),
        operation,
        directory,
        pageSize: options.bulk.pageSize,
      })
        .then(() => {
          if (operation.status === "FAILED")
            log.warn(`bulk operation ${operation.id} failed: ${operation.query}`);
        })
        .finally(() => runningBulk.delete(run));
      runningBulk.add(run);
    },
  };
  const contextFor = (): ResolverContext => ({ store, services, bulk: null });

  const publish = (change: StoreChange): void => {
    dispatcher.publish(change.topic, payloadForChange(change, store), targetsFor(change.topic, store, app));
  };
  const unsubscribe = store.onChange(publish);

  const handleGraphQL = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const headers = { "X-Shopify-API-Version": API_VERSION, "X-Request-Id": randomUUID() };
    if (request.method !== "POST") return sendJson(response, 405, { errors: "Method Not Allowed" }, headers);
    const token = request.headers["x-shopify-access-token"];
    if (!installed || typeof token !== "string" || (token !== accessToken && !tokens.isValid(token))) {
      return sendJson(
        response,
        401,
        { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" },
        headers,
      );
    }
    const raw = await readBody(request);
    if (raw === null) return sendJson(response, 413, { errors: "Request body too large" }, headers);
    let body: unknown;
    const contentType = request.headers["content-type"] ?? "";
    if (contentType.startsWith("application/graphql")) body = { query: raw.toString("utf8") };
    else {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return sendJson(response, 400, { errors: "Bad Request: the body is not valid JSON" }, headers);
      }
    }
    const parsedBody = requestSchema.safeParse(body);
    if (!parsedBody.success)
      return sendJson(response, 400, { errors: { query: "Required parameter missing or invalid" } }, headers);
    const result = await runGraphQL(parsedBody.data, contextFor(), {
      schema,
      bucket,
      maxQueryCost: options.throttle.maxQueryCost,
    });
    sendJson(response, 200, result, headers);
  };

  const handleBulkResult = async (id: number, response: ServerResponse): Promise<void> => {
    const op = store.bulkOperations.get(id);
    if (!op?.filePath) return sendJson(response, 404, { errors: "Not Found" });
    const info = await stat(op.filePath);
    response.writeHead(200, { "Content-Type": "application/jsonl", "Content-Length": info.size });
    createReadStream(op.filePath).pipe(response);
  };

  const handleStagedUpload = async (
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
  ): Promise<void> => {
    const base = `${baseUrl}${path}`;
    const target =
      store.stagedUploads.get(base) ??
      [...store.stagedUploads.values()].find((s) => s.resourceUrl.startsWith(`${base}/`));
    if (!target) return sendJson(response, 404, { errors: "Not Found" });
    if (request.method === "GET") {
      if (!target.bytes) return sendJson(response, 404, { errors: "Not uploaded yet" });
      response.writeHead(200, { "Content-Type": target.mimeType, "Content-Length": target.bytes.length });
      response.end(target.bytes);
      return;
    }
    const bytes = await readBody(request);
    if (bytes === null) return sendJson(response, 413, { errors: "Request body too large" });
    const contentType = request.headers["content-type"] ?? "";
    if (request.method === "POST" && contentType.startsWith("multipart/form-data")) {
      const file = fileFromMultipart(bytes, contentType);
      if (!file) return sendJson(response, 400, { errors: "The form has no file part" });
      target.bytes = file;
    } else target.bytes = bytes;
    response.writeHead(request.method === "POST" ? 201 : 200);
    response.end();
  };

  const approveSubscription = (subscriptionId: number): void => {
    const sub = store.appSubscriptions.get(subscriptionId);
    if (!sub) throw new Error(`No app subscription ${subscriptionId}`);
    // Approving a new subscription replaces the active one (Shopify's default replacement behaviour).
    for (const other of store.appSubscriptions.values()) {
      if (other.id !== sub.id && other.status === "ACTIVE") {
        other.status = "CANCELLED";
        store.emit({ topic: "app_subscriptions/update", subscription: other });
      }
    }
    sub.status = "ACTIVE";
    sub.currentPeriodEnd = new Date(Date.now() + 30 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    store.emit({ topic: "app_subscriptions/update", subscription: sub });
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://emulator.local");
    const path = url.pathname;
    const route = async (): Promise<void> => {
      if (path === GRAPHQL_PATH) return handleGraphQL(request, response);
      if (/^\/admin\/api\/[^/]+\/graphql\.json$/.test(path)) {
        return sendJson(response, 404, {
          errors: `Not Found: the emulator serves Admin API ${API_VERSION} only`,
        });
      }
      if (path === "/health")
        return sendJson(response, 200, { ok: true, shop: options.shop, apiVersion: API_VERSION });
      const bulk = /^\/bulk-results\/(\d+)\.jsonl$/.exec(path);
      if (bulk?.[1] && request.method === "GET") return handleBulkResult(Number(bulk[1]), response);
      if (path.startsWith("/staged-uploads/")) return handleStagedUpload(request, response, path);
      const charge = /^\/admin\/charges\/(\d+)\/confirm$/.exec(path);
      if (charge?.[1]) {
        const sub = store.appSubscriptions.get(Number(charge[1]));
        if (!sub) return sendJson(response, 404, { errors: "Not Found" });
        if (sub.status === "PENDING") approveSubscription(sub.id);
        const target = new URL(sub.returnUrl);
        target.searchParams.set("charge_id", String(sub.id));
        response.writeHead(302, { Location: target.toString() });
        response.end();
        return;
      }
      if (path === "/admin/oauth/access_token" && request.method === "POST") {
        const raw = await readBody(request);
        const result = handleTokenRequest(
          raw?.toString("utf8") ?? "",
          request.headers["content-type"] ?? "",
          {
            apiKey: options.apiKey,
            apiSecret: options.apiSecret,
            shop: options.shop,
            scopes: options.scopes,
            registry: tokens,
            install: () => {
              installed = true;
            },
            offlineTokenSeconds: options.offlineTokenSeconds,
            isNonExpiringToken: (token) =>
              installed && (token === accessToken || tokens.isNonExpiring(token)),
          },
        );
        return sendJson(response, result.status, result.body);
      }
      sendJson(response, 404, { errors: "Not Found" });
    };
    route().catch((error: unknown) => {
      log.warn(
        `store emulator: ${request.method ?? "?"} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!response.headersSent) sendJson(response, 500, { errors: "Internal Server Error" });
      else response.destroy();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", reject);
      server.listen(options.port, options.host);
    });
  } catch (error) {
    unsubscribe();
    dispatcher.close();
    await rm(directory, { recursive: true, force: true });
    throw new Error(
      `The store emulator cannot listen on ${options.host}:${options.port}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;
  log.info(`store emulator for ${options.shop} listening on ${baseUrl}${GRAPHQL_PATH}`);

  const shopFetch: typeof fetch = (resource, init) => {
    const requestUrl = new URL(resource instanceof Request ? resource.url : resource.toString());
    if (requestUrl.hostname === options.shop) {
      const local = new URL(`${requestUrl.pathname}${requestUrl.search}`, baseUrl);
      if (resource instanceof Request) return fetch(new Request(local, resource), init);
      return fetch(local, init);
    }
    return fetch(resource, init);
  };

  return {
    url: baseUrl,
    graphqlUrl: `${baseUrl}${GRAPHQL_PATH}`,
    shop: options.shop,
    get accessToken() {
      return accessToken;
    },
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    store,
    bucket,
    webhooks: {
      deliveries: dispatcher.deliveries,
      idle: () => dispatcher.idle(),
      setSwitches: (switches) => dispatcher.setSwitches(switches),
      flush: () => dispatcher.flush(),
      setAppUrl: (url, complianceUrl) => {
        app.url = url;
        if (complianceUrl !== undefined) app.complianceUrl = complianceUrl;
      },
    },
    triggerCompliance: (topic, triggerOptions = {}) => {
      const target = app.complianceUrl ?? app.url;
      let payload: Record<string, unknown>;
      if (topic === "shop/redact") payload = shopRedactPayload(store.shop);
      else {
        const customer =
          triggerOptions.customerId === undefined
            ? undefined
            : store.customers.get(triggerOptions.customerId);
        if (!customer) throw new Error(`${topic} needs the id of an existing customer`);
        const orderIds = store.customerOrders(customer.id).map((o) => o.id);
        payload =
          topic === "customers/redact"
            ? customersRedactPayload(store.shop, customer, orderIds)
            : customersDataRequestPayload(store.shop, customer, orderIds, store.nextId());
      }
      return dispatcher.publish(topic, payload, target ? [target] : []);
    },
    triggerAppUninstalled: () => {
      installed = false;
      const eventId = dispatcher.publish(
        "app/uninstalled",
        shopPayload(store.shop),
        targetsFor("app/uninstalled", store, app),
      );
      // A reinstall hands out a new token; webhook subscriptions made through the API are gone.
      accessToken = `shpat_${randomBytes(16).toString("hex")}`;
      tokens.revokeAll();
      store.webhookSubscriptions.clear();
      return eventId;
    },
    approveSubscription,
    tokens,
    fetch: shopFetch,
    close: async () => {
      unsubscribe();
      dispatcher.close();
      // Running bulk operations stop at their next window.
      for (const op of store.bulkOperations.values())
        if (op.status === "CREATED" || op.status === "RUNNING") op.status = "CANCELING";
      await Promise.allSettled([...runningBulk]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(directory, { recursive: true, force: true });
    },
  };
}
