import type { ActionFunctionArgs } from "@remix-run/node";
import { appContext } from "~/services.server.js";
import { receiveWebhook } from "~/webhooks/receive.server.js";

/**
 * POST /webhooks — every topic the app subscribes to (shopify.app.toml), compliance topics included.
 * HMAC verified by shopify-app-remix (forged → 401), then queued; the worker applies it.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const ctx = appContext();
  return receiveWebhook(request, {
    authenticate: ctx.shopify.authenticate.webhook,
    queue: ctx.queues.webhooks,
    logger: ctx.logger,
  });
};
