// Shopify's token endpoint (`POST /admin/oauth/access_token`) for embedded apps: token exchange
// of an App Bridge session token (a JWT signed with the app's secret) for an online or offline
// access token, expiring offline tokens (`expiring=1`) and their refresh.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";

interface IssuedToken {
  expiresAt: number | null;
  online: boolean;
}

/**
 * The access tokens the shop accepts: the emulator's static token plus those issued through the
 * token endpoint (which may expire). Uninstalling revokes all of them.
 */
export class TokenRegistry {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, { expiresAt: number }>();

  constructor(private readonly nowMs: () => number = Date.now) {}

  issue(options: { online: boolean; expiresInSeconds: number | null }): string {
    const token = `shpat_${randomBytes(16).toString("hex")}`;
    this.tokens.set(token, {
      online: options.online,
      expiresAt: options.expiresInSeconds === null ? null : this.nowMs() + options.expiresInSeconds * 1000,
    });
    return token;
  }

  issueRefreshToken(expiresInSeconds: number): string {
    const token = `shprt_${randomBytes(16).toString("hex")}`;
    this.refreshTokens.set(token, { expiresAt: this.nowMs() + expiresInSeconds * 1000 });
    return token;
  }

  /** Consumes a refresh token (each works once, as Shopify rotates them). */
  redeemRefreshToken(token: string): boolean {
    const entry = this.refreshTokens.get(token);
    this.refreshTokens.delete(token);
    return entry !== undefined && entry.expiresAt > this.nowMs();
  }

  /** An issued offline token that never expires. */
  isNonExpiring(token: string): boolean {
    const entry = this.tokens.get(token);
    return entry !== undefined && !entry.online && entry.expiresAt === null;
  }

  isValid(token: string): boolean {
    const entry = this.tokens.get(token);
    return entry !== undefined && (entry.expiresAt === null || entry.expiresAt > this.nowMs());
  }

  /** Makes an issued token expire now (tests of the refresh path). */
  expire(token: string): void {
    const entry = this.tokens.get(token);
    if (entry) entry.expiresAt = this.nowMs() - 1;
  }

  revokeAll(): void {
    this.tokens.clear();
    this.refreshTokens.clear();
  }
}

export interface TokenEndpointConfig {
  apiKey: string;
  apiSecret: string;
  shop: string;
  scopes: readonly string[];
  registry: TokenRegistry;
  /** Marks the app installed (a token exchange installs it, as for a new embedded install). */
  install(): void;
  /** Access token lifetime for expiring offline tokens, in seconds. */
  offlineTokenSeconds: number;
  /** Whether a non-expiring offline token is valid (for the migration to expiring tokens). */
  isNonExpiringToken: (token: string) => boolean;
}

function base64UrlDecode(part: string): Buffer {
  return Buffer.from(part.replace(/-/g, "+").replace(/_/g, "/"), "base64");
}

/** Verifies an App Bridge session token (HS256 with the app secret, aud = api key, dest = shop). */
export function verifySessionToken(
  token: string,
  config: Pick<TokenEndpointConfig, "apiKey" | "apiSecret" | "shop">,
  nowMs = Date.now(),
): { sub: string | null } | string {
  const parts = token.split(".");
  if (parts.length !== 3) return "session token is not a JWT";
  const [header, payload, signature] = parts as [string, string, string];
  const expected = createHmac("sha256", config.apiSecret).update(`${header}.${payload}`).digest();
  const given = base64UrlDecode(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return "session token signature is invalid";
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(base64UrlDecode(payload).toString("utf8")) as Record<string, unknown>;
  } catch {
    return "session token payload is not JSON";
  }
  if (typeof claims !== "object" || claims === null) return "session token payload is not an object";
  if (claims.aud !== config.apiKey) return "session token audience does not match the app";
  if (typeof claims.dest !== "string" || new URL(claims.dest).hostname !== config.shop)
    return "session token is for another shop";
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.exp !== "number" || claims.exp < now - 5) return "session token has expired";
  if (typeof claims.nbf === "number" && claims.nbf > now + 5) return "session token is not valid yet";
  return { sub: typeof claims.sub === "string" ? claims.sub : null };
}

function parseParams(body: string, contentType: string): Record<string, string> {
  if (contentType.includes("application/json")) {
    try {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(parsed).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
      );
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

const REFRESH_TOKEN_SECONDS = 90 * 86_400;

function expiringOfflineToken(config: TokenEndpointConfig, scope: string): Record<string, unknown> {
  return {
    access_token: config.registry.issue({ online: false, expiresInSeconds: config.offlineTokenSeconds }),
    scope,
    expires_in: config.offlineTokenSeconds,
    refresh_token: config.registry.issueRefreshToken(REFRESH_TOKEN_SECONDS),
    refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
  };
}

/** Answers one token request; `status` and `body` are what Shopify would send. */
export function handleTokenRequest(
  body: string,
  contentType: string,
  config: TokenEndpointConfig,
): { status: number; body: unknown } {
  const params = parseParams(body, contentType);
  const invalid = (error: string, description: string) => ({
    status: 400,
    body: { error, error_description: description },
  });
  if (params.client_id !== config.apiKey || params.client_secret !== config.apiSecret) {
    return invalid("invalid_client", "Client credentials are invalid");
  }
  const scope = config.scopes.join(",");
  if (params.grant_type === "refresh_token") {
    if (!params.refresh_token || !config.registry.redeemRefreshToken(params.refresh_token)) {
      return invalid("invalid_grant", "The refresh token is invalid, expired or already used");
    }
    return { status: 200, body: expiringOfflineToken(config, scope) };
  }
  if (params.grant_type !== TOKEN_EXCHANGE) {
    return invalid("unsupported_grant_type", `Grant type ${params.grant_type ?? "(none)"} is not supported`);
  }
  if (params.subject_token_type === OFFLINE) {
    // Migration of a non-expiring offline token to an expiring one (`expiring=1`).
    if (!params.subject_token || !config.isNonExpiringToken(params.subject_token)) {
      return invalid("invalid_subject_token", "The offline access token is invalid");
    }
    if (params.expiring !== "1")
      return invalid("invalid_request", "Only the migration to an expiring token is supported");
    return { status: 200, body: expiringOfflineToken(config, scope) };
  }
  if (params.subject_token_type !== ID_TOKEN)
    return invalid("invalid_request", "subject_token_type must be an id_token");
  const verified = verifySessionToken(params.subject_token ?? "", config);
  if (typeof verified === "string") return invalid("invalid_subject_token", verified);
  const online = params.requested_token_type === ONLINE;
  if (!online && params.requested_token_type !== OFFLINE) {
    return invalid("invalid_request", "requested_token_type is not supported");
  }
  config.install();
  if (online) {
    const userId = Number(verified.sub ?? 1);
    return {
      status: 200,
      body: {
        access_token: config.registry.issue({ online: true, expiresInSeconds: 86_399 }),
        scope,
        expires_in: 86_399,
        associated_user_scope: scope,
        associated_user: {
          id: Number.isFinite(userId) ? userId : 1,
          first_name: "Emulated",
          last_name: "Merchant",
          email: `owner@${config.shop}`,
          account_owner: true,
          locale: "en",
          collaborator: false,
          email_verified: true,
        },
      },
    };
  }
  const expiring = params.expiring === "1" || params.expiring === "true";
  if (!expiring) {
    return {
      status: 200,
      body: { access_token: config.registry.issue({ online: false, expiresInSeconds: null }), scope },
    };
  }
  return { status: 200, body: expiringOfflineToken(config, scope) };
}
