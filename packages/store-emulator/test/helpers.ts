import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Emulator } from "../src/index.js";

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: {
      message: string;
      locations?: { line: number; column: number }[];
      path?: (string | number)[];
      extensions: { code: string } & Record<string, unknown>;
    }[];
    extensions?: {
      cost: {
        requestedQueryCost: number;
        actualQueryCost: number | null;
        throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
      };
    };
  };
}

/** Posts a GraphQL document to the emulator over HTTP, as any client would. */
export async function gql<T = Record<string, unknown>>(
  emulator: Emulator,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResult<T>> {
  const response = await fetch(emulator.graphqlUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": emulator.accessToken },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResult<T>["body"] };
}

/** `data` of a successful response (fails loudly on errors). */
export async function data<T = Record<string, unknown>>(
  emulator: Emulator,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const result = await gql<T>(emulator, query, variables);
  if (result.body.errors?.length || !result.body.data)
    throw new Error(`GraphQL errors: ${JSON.stringify(result.body.errors)}`);
  return result.body.data;
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  request: IncomingMessage;
  response: ServerResponse;
}

/** A local HTTP endpoint that records webhooks; `respond` decides the status of each. */
export async function startReceiver(respond: (hook: ReceivedWebhook, index: number) => number = () => 200) {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const hook = {
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        request,
        response,
      };
      received.push(hook);
      response.writeHead(respond(hook, received.length - 1));
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `check` until it returns a value (no fixed sleeps: bounded by attempts, short yields). */
export async function until<T>(
  check: () => Promise<T | undefined> | T | undefined,
  attempts = 500,
): Promise<T> {
  for (let i = 0; i < attempts; i += 1) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("condition not met");
}
