import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { gradientPng } from "./png.js";
import { Bucket } from "./rate-limit.js";
import { fillSchema, promptWords } from "./schema-fill.js";

/** What can go wrong on purpose. */
export type Fault =
  | { type: "status"; status: number; retryAfterMs?: number; retryAfterSeconds?: number; message?: string }
  /** Accepts the request and never answers (until the client gives up or the server closes). */
  | { type: "hang" }
  /** The HTTP body is not JSON at all. */
  | { type: "malformed_body" }
  /** A well-formed completion whose message content is broken JSON. */
  | { type: "malformed_json" }
  /** A completion whose JSON content does not match the requested schema. */
  | { type: "schema_invalid" };

export type Flavor = "openai" | "xai";

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Which service to stand in for: decides the model list. Default "openai". */
  flavor?: Flavor;
  /** Models served; requests for others get 404 model_not_found. Default: the flavor's list. */
  models?: readonly string[];
  /** When set, requests must carry `Authorization: Bearer <apiKey>` (else 401). */
  apiKey?: string;
  /** Per-minute limits, enforced with token buckets and reported in x-ratelimit-* headers. */
  rateLimits?: { rpm?: number; tpm?: number; burstMs?: number };
  /** Simulated generation time per request. */
  latencyMs?: number;
  /** A fault applied to every request until changed (see also `failNext`). */
  fault?: Fault;
}

export interface RequestLog {
  at: number;
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export interface EmulatorStats {
  requests: number;
  byPath: Record<string, number>;
  byStatus: Record<number, number>;
  http429: number;
  /** Tokens charged against the TPM limit (prompt + requested max output). */
  chargedTokens: number;
  promptTokens: number;
  completionTokens: number;
  images: number;
}

export interface Emulator {
  url: string;
  /** Base URL for the openai client (`${url}/v1`). */
  baseURL: string;
  flavor: Flavor;
  stats(): EmulatorStats;
  /** Every request so far (bodies included), oldest first; for assertions. */
  log(): readonly RequestLog[];
  /** Faults for the next requests, one per request, in order (e.g. [429, 429] then normal). */
  failNext(...faults: Fault[]): void;
  /** The standing fault for every request, or undefined to heal. */
  setFault(fault: Fault | undefined): void;
  setRateLimits(limits: EmulatorOptions["rateLimits"]): void;
  resetStats(): void;
  close(): Promise<void>;
}

export const DEFAULT_MODELS: Readonly<Record<Flavor, readonly string[]>> = {
  openai: ["gpt-4.1-mini", "gpt-4.1", "gpt-4o-mini", "gpt-4o", "gpt-image-1", "dall-e-3"],
  xai: ["grok-3-mini", "grok-3", "grok-4", "grok-2-image-1212"],
};

interface ChatBody {
  model?: unknown;
  messages?: unknown;
  response_format?: unknown;
  max_completion_tokens?: unknown;
  max_tokens?: unknown;
}

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const emptyStats = (): EmulatorStats => ({
  requests: 0,
  byPath: {},
  byStatus: {},
  http429: 0,
  chargedTokens: 0,
  promptTokens: 0,
  completionTokens: 0,
  images: 0,
});

/**
 * Starts a local server that speaks the parts of the OpenAI API NinjaLead uses (and xAI's,
 * which is the same protocol with Grok models): chat completions with `response_format`
 * json_schema, image generations, models. Answers are schema-valid and derived from the prompt.
 *
 * @example
 * const server = await startOpenAIEmulator({ port: 0, rateLimits: { rpm: 600, tpm: 150_000 } });
 * const client = new OpenAI({ apiKey: "test", baseURL: server.baseURL });
 * await server.close();
 */
export async function startOpenAIEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const flavor = options.flavor ?? "openai";
  const models = new Set(options.models ?? DEFAULT_MODELS[flavor]);
  const now = (): number => performance.now();
  let stats = emptyStats();
  let logs: RequestLog[] = [];
  const queued: Fault[] = [];
  let standing = options.fault;
  let rpm: Bucket | undefined;
  let tpm: Bucket | undefined;
  const setLimits = (limits: EmulatorOptions["rateLimits"]): void => {
    const burst = limits?.burstMs ?? 1_000;
    rpm = limits?.rpm ? new Bucket(limits.rpm, burst, now) : undefined;
    tpm = limits?.tpm ? new Bucket(limits.tpm, burst, now) : undefined;
  };
  setLimits(options.rateLimits);
  const sockets = new Set<Socket>();
  let seq = 0;

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
    raw?: string,
  ): void => {
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    if (status === 429) stats.http429 += 1;
    const entry = logs.at(-1);
    if (entry) entry.status = status;
    res.writeHead(status, {
      "content-type": "application/json",
      "x-request-id": `req_${++seq}`,
      ...headers,
    });
    res.end(raw ?? JSON.stringify(body));
  };

  const apiError = (message: string, type: string, code: string | null, param: string | null = null) => ({
    error: { message, type, param, code },
  });

  const limitHeaders = (): Record<string, string> => {
    const h: Record<string, string> = {};
    if (rpm) {
      h["x-ratelimit-limit-requests"] = String(rpm.perMinute);
      h["x-ratelimit-remaining-requests"] = String(rpm.remaining());
      h["x-ratelimit-reset-requests"] = rpm.reset();
    }
    if (tpm) {
      h["x-ratelimit-limit-tokens"] = String(tpm.perMinute);
      h["x-ratelimit-remaining-tokens"] = String(tpm.remaining());
      h["x-ratelimit-reset-tokens"] = tpm.reset();
    }
    return h;
  };

  const readBody = async (req: IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  };

  const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const text = await readBody(req);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    stats.requests += 1;
    const key = `${req.method ?? "GET"} ${path}`;
    stats.byPath[key] = (stats.byPath[key] ?? 0) + 1;
    logs.push({ at: Date.now(), method: req.method ?? "GET", path, status: 0, body });

    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return send(
        res,
        401,
        apiError("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"),
      );
    }

    const fault = queued.shift() ?? standing;
    if (fault?.type === "status") {
      const headers: Record<string, string> = { ...limitHeaders() };
      if (fault.retryAfterMs !== undefined) headers["retry-after-ms"] = String(fault.retryAfterMs);
      if (fault.retryAfterSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterSeconds);
      const type =
        fault.status === 429
          ? "rate_limit_exceeded"
          : fault.status >= 500
            ? "server_error"
            : "invalid_request_error";
      return send(
        res,
        fault.status,
        apiError(fault.message ?? `Emulated ${fault.status}`, type, type),
        headers,
      );
    }
    if (fault?.type === "hang") return; // the socket stays open; close() or the client ends it
    if (fault?.type === "malformed_body")
      return send(res, 200, undefined, {}, '{"id": "chatcmpl-broken", "choices": [');

    if (req.method === "GET" && path === "/v1/models") {
      return send(res, 200, {
        object: "list",
        data: [...models].map((id) => ({
          id,
          object: "model",
          created: 1_700_000_000,
          owned_by: flavor === "xai" ? "xai" : "openai",
        })),
      });
    }
    if (req.method === "POST" && path === "/v1/chat/completions")
      return chat(req, res, body as ChatBody, fault);
    if (req.method === "POST" && path === "/v1/images/generations") return images(req, res, body);
    return send(res, 404, apiError(`Unknown route ${key}`, "invalid_request_error", "unknown_url"));
  }

  async function chat(
    req: IncomingMessage,
    res: ServerResponse,
    body: ChatBody,
    fault: Fault | undefined,
  ): Promise<void> {
    if (
      typeof body !== "object" ||
      body === null ||
      !Array.isArray(body.messages) ||
      body.messages.length === 0
    ) {
      return send(
        res,
        400,
        apiError("'messages' is a required property", "invalid_request_error", null, "messages"),
      );
    }
    const model = typeof body.model === "string" ? body.model : "";
    if (!models.has(model)) {
      return send(
        res,
        404,
        apiError(`The model \`${model}\` does not exist`, "invalid_request_error", "model_not_found"),
      );
    }
    const messages = body.messages as Array<{ role?: unknown; content?: unknown }>;
    const contents = messages.map((m) =>
      typeof m.content === "string" ? m.content : JSON.stringify(m.content ?? ""),
    );
    // Same framing as OpenAI's usage.prompt_tokens: 3 per message plus 3 for the reply.
    const promptTokens = contents.reduce((s, c) => s + 3 + countTokens(c), 3);
    const maxOut = Number(body.max_completion_tokens ?? body.max_tokens ?? 0) || 0;
    const charge = promptTokens + maxOut;

    if (rpm || tpm) {
      const waitRequests = rpm?.waitMs(1) ?? 0;
      const waitTokens = tpm?.waitMs(charge) ?? 0;
      const wait = Math.max(waitRequests, waitTokens);
      if (wait > 0) {
        const kind = waitTokens > waitRequests ? "tokens" : "requests";
        return send(
          res,
          429,
          apiError(`Rate limit reached for ${kind} per min (RPM/TPM emulated)`, kind, "rate_limit_exceeded"),
          {
            ...limitHeaders(),
            "retry-after-ms": String(Math.ceil(wait)),
            "retry-after": String(Math.ceil(wait / 1_000)),
          },
        );
      }
      rpm?.take(1);
      tpm?.take(charge);
    }
    stats.chargedTokens += charge;
    const headers = limitHeaders();
    if (options.latencyMs) await delay(options.latencyMs);

    const firstUser = messages.find((m) => m.role === "user");
    const source = typeof firstUser?.content === "string" ? firstUser.content : (contents.at(-1) ?? "");
    const format = body.response_format as { type?: string; json_schema?: { schema?: unknown } } | undefined;
    let content: string;
    if (format?.type === "json_schema" && format.json_schema?.schema) {
      content = JSON.stringify(fillSchema(format.json_schema.schema, promptWords(source)));
    } else if (format?.type === "json_object") {
      content = JSON.stringify({ answer: promptWords(source).slice(0, 12).join(" ") });
    } else {
      content = promptWords(source).slice(0, 40).join(" ");
    }
    if (fault?.type === "malformed_json")
      content = content.slice(0, Math.max(1, Math.floor(content.length / 2)));
    if (fault?.type === "schema_invalid") content = JSON.stringify({ unexpected: true });
    const completionTokens = countTokens(content);
    stats.promptTokens += promptTokens;
    stats.completionTokens += completionTokens;
    send(
      res,
      200,
      {
        id: `chatcmpl-${seq + 1}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1_000),
        model,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content, refusal: null },
            logprobs: null,
            finish_reason: "stop",
          },
        ],
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          total_tokens: promptTokens + completionTokens,
        },
        system_fingerprint: `fp_emulator_${flavor}`,
      },
      { ...headers, "openai-processing-ms": String(options.latencyMs ?? 0) },
    );
  }

  async function images(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const b = (typeof body === "object" && body !== null ? body : {}) as {
      model?: unknown;
      prompt?: unknown;
      size?: unknown;
    };
    if (typeof b.prompt !== "string" || b.prompt.trim() === "") {
      return send(
        res,
        400,
        apiError("'prompt' is a required property", "invalid_request_error", null, "prompt"),
      );
    }
    const model = typeof b.model === "string" ? b.model : "";
    if (!models.has(model)) {
      return send(
        res,
        404,
        apiError(`The model \`${model}\` does not exist`, "invalid_request_error", "model_not_found"),
      );
    }
    if (options.latencyMs) await delay(options.latencyMs);
    stats.images += 1;
    const png = gradientPng(fnv(`${model}:${b.prompt}`));
    send(res, 200, {
      created: Math.floor(Date.now() / 1_000),
      data: [{ b64_json: png.toString("base64"), revised_prompt: b.prompt }],
      output_format: "png",
      size: typeof b.size === "string" ? b.size : "1024x1024",
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, apiError(String(error), "server_error", "internal_error"));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}`;

  return {
    url,
    baseURL: `${url}/v1`,
    flavor,
    stats: () => structuredClone(stats),
    log: () => logs,
    failNext: (...faults) => {
      queued.push(...faults);
    },
    setFault: (fault) => {
      standing = fault;
    },
    setRateLimits: setLimits,
    resetStats: () => {
      stats = emptyStats();
      logs = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging requests would keep the server open forever: end their sockets.
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
