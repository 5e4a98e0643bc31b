import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * A stand-in for the AliExpress Open Platform `/sync` gateway. It checks requests the way the
 * platform does (system parameters present, timestamp fresh, HMAC-SHA256 signature over the
 * sorted name+value pairs, access token known) with its own node:crypto implementation, so a
 * client signing bug cannot be hidden by sharing code, and answers with fixtures or with the
 * platform's error bodies.
 */

export type Fault = "http500" | "html502" | "rateLimit" | "ispError" | "rspError" | "hang" | "http429";

export interface AliExpressServerOptions {
  appKey: string;
  appSecret: string;
  accessToken: string;
  /** product_id → raw response body text for aliexpress.ds.product.get. */
  products: ReadonlyMap<string, string>;
  /** Allowed clock skew for `timestamp`, ms. */
  maxSkewMs?: number;
}

export interface RecordedRequest {
  params: Record<string, string>;
  query: Record<string, string>;
}

export interface AliExpressServer {
  url: string;
  requests: RecordedRequest[];
  /** The next `count` requests fail with `fault` (after signature checks pass). */
  failNext(fault: Fault, count?: number): void;
  close(): Promise<void>;
}

function platformSign(params: Record<string, string>, secret: string): string {
  const base = Object.keys(params)
    .filter((k) => k !== "sign")
    .sort()
    .map((k) => `${k}${params[k]}`)
    .join("");
  return createHmac("sha256", secret).update(base, "utf8").digest("hex").toUpperCase();
}

function errorBody(type: string, code: string, msg: string): string {
  return JSON.stringify({ error_response: { type, code, msg, request_id: "0ba2887315178178017221014" } });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startAliExpressServer(options: AliExpressServerOptions): Promise<AliExpressServer> {
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const hanging = new Set<ServerResponse>();
  const maxSkew = options.maxSkewMs ?? 15 * 60_000;

  const server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, body: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json;charset=UTF-8", ...headers });
        res.end(body);
      };
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (req.method === "GET" && url.pathname === "/health") return send(200, "{}");
      if (url.pathname !== "/sync")
        return send(404, errorBody("ISV", "InvalidApiPath", "The specified API path is invalid"));
      const query = Object.fromEntries(url.searchParams);
      const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
      const params: Record<string, string> = { ...form, ...query };
      requests.push({ params, query });

      for (const name of ["app_key", "method", "sign_method", "timestamp", "sign"]) {
        if (!params[name])
          return send(
            200,
            errorBody(
              "ISV",
              "MissingParameter",
              `The input parameter “${name}” that is mandatory for processing this request is not supplied`,
            ),
          );
      }
      if (params.app_key !== options.appKey)
        return send(200, errorBody("ISV", "InvalidAppKey", "Specified app key is invalid"));
      if (params.sign_method !== "sha256")
        return send(200, errorBody("ISV", "InvalidSignMethod", "Only sha256 is accepted"));
      const ts = Number(params.timestamp);
      if (!Number.isFinite(ts) || Math.abs(Date.now() - ts) > maxSkew)
        return send(
          200,
          errorBody("ISV", "InvalidTimestamp", "The request has expired or the timestamp is invalid"),
        );
      const expected = Buffer.from(platformSign(params, options.appSecret));
      const given = Buffer.from(params.sign ?? "");
      if (expected.length !== given.length || !timingSafeEqual(expected, given))
        return send(
          200,
          errorBody(
            "ISV",
            "IncompleteSignature",
            "The request signature does not conform to platform standards",
          ),
        );
      const token = params.session ?? params.access_token;
      if (token !== options.accessToken)
        return send(
          200,
          errorBody("ISV", "IllegalAccessToken", "The specified access token is invalid or expired"),
        );

      const fault = faults.shift();
      switch (fault) {
        case "http500":
          return send(500, errorBody("ISP", "isp.internal-error", "Internal error"));
        case "html502":
          res.writeHead(502, { "content-type": "text/html" });
          return res.end("<html><body>502 Bad Gateway</body></html>");
        case "http429":
          return send(429, "{}", { "retry-after": "0" });
        case "rateLimit":
          return send(
            200,
            errorBody("ISV", "ApiCallLimit", "The request has exceeded the allowed call frequency"),
          );
        case "ispError":
          return send(200, errorBody("ISP", "ServiceUnavailable", "The service is temporarily unavailable"));
        case "rspError":
          return send(
            200,
            JSON.stringify({
              aliexpress_ds_product_get_response: {
                rsp_code: "500",
                rsp_msg: "System busy, please retry",
                request_id: "0ba2887315178178017221016",
              },
            }),
          );
        case "hang":
          hanging.add(res);
          res.on("close", () => hanging.delete(res));
          return;
        case undefined:
          break;
      }

      if (params.method !== "aliexpress.ds.product.get")
        return send(200, errorBody("ISV", "InvalidApiPath", `The specified API ${params.method} is invalid`));
      const body = options.products.get(params.product_id ?? "");
      if (body === undefined)
        return send(
          200,
          JSON.stringify({
            aliexpress_ds_product_get_response: {
              rsp_code: "205",
              rsp_msg: "The product does not exist or has been removed",
              request_id: "0ba2887315178178017221015",
            },
          }),
        );
      return send(200, body);
    })();
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  // Readiness: answer a real request before handing the URL out.
  const health = await fetch(`${url}/health`);
  if (!health.ok) throw new Error("AliExpress stand-in did not start");

  return {
    url: `${url}/sync`,
    requests,
    failNext(fault, count = 1) {
      for (let i = 0; i < count; i++) faults.push(fault);
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
