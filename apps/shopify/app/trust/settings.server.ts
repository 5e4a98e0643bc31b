import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { createHmac } from "node:crypto";
import type { AppConfig } from "../config.server.js";
import type { MessageKey } from "../i18n/t.js";
import { createTokenCipher } from "../security/token-cipher.server.js";
import { API_RESOURCES, createApiKey, revokeApiKey, type ApiScope } from "./api-keys.server.js";
import { recordAudit, type Actor } from "./audit.server.js";
import {
  redeliver,
  registerEndpoint,
  WEBHOOK_EVENTS,
  WebhookEndpointError,
} from "./outgoing-webhooks.server.js";

/**
 * The Settings pages' server side (API keys, webhook endpoints), kept out of the route files.
 * Every change is recorded in the audit trail in the same transaction; every query is scoped to
 * the session's shop, so an id from another shop is never found.
 */

/** A field's error as a message key of the UI catalog, with its parameters. */
export interface FieldError {
  key: MessageKey;
  params?: Record<string, string>;
}
export type FormResult<T = Record<string, never>> =
  ({ ok: true } & T) | { ok: false; errors: Partial<Record<string, FieldError>> };

function formToObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = key.endsWith("[]") ? values : (values[0] ?? "");
  }
  return out;
}

const createKeyForm = z.object({
  intent: z.literal("create"),
  name: z.string().trim().min(1, "apiKeys.errorName").max(100, "apiKeys.errorName"),
  "scopes[]": z
    .array(z.string())
    .default([])
    .transform((v) =>
      v.filter((s): s is ApiScope => API_RESOURCES.some((r) => s === `${r}:read` || s === `${r}:write`)),
    )
    .refine((v) => v.length > 0, "apiKeys.errorScopes"),
});
const idForm = z.object({ intent: z.enum(["revoke", "redeliver"]), id: z.string().min(1).max(64) });
const endpointForm = z.object({
  intent: z.literal("addEndpoint"),
  url: z.string().trim().min(1, "webhooks.errorUrl").max(2000, "webhooks.errorUrl"),
  "events[]": z
    .array(z.enum(WEBHOOK_EVENTS))
    .default([])
    .refine((v) => v.length > 0, "webhooks.errorEvents"),
});

const FIELD_MESSAGES: Record<string, MessageKey> = {
  name: "apiKeys.errorName",
  scopes: "apiKeys.errorScopes",
  url: "webhooks.errorUrl",
  events: "webhooks.errorEvents",
};

/** Which fields of a form failed, with the message to show under each. */
function fieldErrors(error: z.ZodError): Partial<Record<string, FieldError>> {
  const errors: Record<string, FieldError> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form").replace(/\[\]$/, "");
    const key = FIELD_MESSAGES[field];
    if (key) errors[field] ??= { key, params: { reason: issue.message } };
  }
  return errors;
}

export function apiKeyHashKeyFrom(config: AppConfig): Buffer {
  return createHmac("sha256", config.encryptionKey).update("ninjalead/api-keys/v1").digest();
}

export async function listApiKeys(prisma: PrismaClient, shop: string) {
  const keys = await prisma.apiKey.findMany({ where: { shop }, orderBy: { createdAt: "desc" } });
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
}

export async function apiKeysAction(
  prisma: PrismaClient,
  config: AppConfig,
  shop: string,
  actor: Actor,
  form: FormData,
): Promise<FormResult<{ newKey?: string }>> {
  const input = formToObject(form);
  if (input.intent === "create") {
    const parsed = createKeyForm.safeParse(input);
    if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
    const key = await prisma.$transaction(async (tx) => {
      const created = await createApiKey(tx, apiKeyHashKeyFrom(config), {
        shop,
        name: parsed.data.name,
        scopes: parsed.data["scopes[]"],
        createdBy: actor.id,
      });
      await recordAudit(tx, {
        shop,
        actor,
        action: "api_key.created",
        target: { type: "api_key", id: created.record.prefix },
        summary: { name: parsed.data.name, scopes: parsed.data["scopes[]"] },
      });
      return created.key;
    });
    return { ok: true, newKey: key };
  }
  const parsed = idForm.safeParse(input);
  if (!parsed.success || parsed.data.intent !== "revoke")
    return { ok: false, errors: { form: { key: "apiKeys.none" } } };
  const { id } = parsed.data;
  const done = await prisma.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id, shop } });
    if (!key || !(await revokeApiKey(tx, shop, id))) return false;
    await recordAudit(tx, {
      shop,
      actor,
      action: "api_key.revoked",
      target: { type: "api_key", id: key.prefix },
    });
    return true;
  });
  return done ? { ok: true } : { ok: false, errors: { form: { key: "apiKeys.revoked" } } };
}

export async function listWebhooks(prisma: PrismaClient, shop: string) {
  const [endpoints, deliveries] = await Promise.all([
    prisma.webhookEndpoint.findMany({ where: { shop }, orderBy: { createdAt: "desc" } }),
    prisma.webhookDelivery.findMany({ where: { shop }, orderBy: { createdAt: "desc" }, take: 50 }),
  ]);
  return {
    endpoints: endpoints.map((e) => ({
      id: e.id,
      url: e.url,
      events: e.events,
      enabled: e.enabled,
      disabledReason: e.disabledReason,
    })),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      endpointId: d.endpointId,
      event: d.event,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      createdAt: d.createdAt.toISOString(),
    })),
  };
}

export async function webhooksAction(
  prisma: PrismaClient,
  config: AppConfig,
  shop: string,
  actor: Actor,
  form: FormData,
): Promise<FormResult<{ secret?: string }>> {
  const input = formToObject(form);
  if (input.intent === "addEndpoint") {
    const parsed = endpointForm.safeParse(input);
    if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
    try {
      const secret = await prisma.$transaction(async (tx) => {
        const registered = await registerEndpoint(
          tx,
          createTokenCipher(config.encryptionKey),
          { shop, url: parsed.data.url, events: parsed.data["events[]"] },
          // Loopback targets only where they are this machine's own services: the demo and tests.
          { allowPrivate: config.demo || config.env === "test" },
        );
        await recordAudit(tx, {
          shop,
          actor,
          action: "webhook_endpoint.created",
          target: { type: "webhook_endpoint", id: registered.endpoint.id },
          summary: { events: registered.endpoint.events },
        });
        return registered.secret;
      });
      return { ok: true, secret };
    } catch (error) {
      if (error instanceof WebhookEndpointError) {
        const key: MessageKey = error.field === "url" ? "webhooks.errorUrl" : "webhooks.errorEvents";
        return { ok: false, errors: { [error.field]: { key, params: { reason: error.reason } } } };
      }
      throw error;
    }
  }
  const parsed = idForm.safeParse(input);
  if (!parsed.success || parsed.data.intent !== "redeliver")
    return { ok: false, errors: { form: { key: "webhooks.noDeliveries" } } };
  const ok = await redeliver(prisma, shop, parsed.data.id);
  if (ok) {
    await recordAudit(prisma, {
      shop,
      actor,
      action: "webhook_delivery.redelivered",
      target: { type: "webhook_delivery", id: parsed.data.id },
    });
  }
  return ok ? { ok: true } : { ok: false, errors: { form: { key: "webhooks.noDeliveries" } } };
}
