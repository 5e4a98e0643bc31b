// webhookSubscriptionCreate and webhookSubscriptionDelete (delivery is in ../webhooks/).
import { gidNumber } from "../gid.js";
import { API_VERSION } from "../schema.js";
import type { ResolverContext, View } from "./context.js";
import { webhookSubscriptionView } from "./views.js";

interface WebhookSubscriptionInput {
  uri?: string | null;
  callbackUrl?: string | null;
  format?: "JSON" | "XML" | null;
  filter?: string | null;
  includeFields?: string[] | null;
  metafieldNamespaces?: string[] | null;
  name?: string | null;
}

/** Only https endpoints, except on loopback where local test servers speak plain http. */
function uriProblem(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return "Address is invalid";
  }
  if (url.protocol === "https:") return null;
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol === "http:" && loopback) return null;
  if (url.protocol === "pubsub:" || url.protocol === "arn:") return null;
  return `Address protocol ${url.protocol}// is not supported`;
}

export const webhookMutations = {
  webhookSubscriptionCreate: (
    args: { topic: string; webhookSubscription: WebhookSubscriptionInput },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    const uri = args.webhookSubscription.uri ?? args.webhookSubscription.callbackUrl ?? "";
    const problem = uri ? uriProblem(uri) : "Address can't be blank";
    if (problem)
      return {
        webhookSubscription: null,
        userErrors: [{ field: ["webhookSubscription", "callbackUrl"], message: problem }],
      };
    for (const sub of store.webhookSubscriptions.values()) {
      if (
        sub.topic === args.topic &&
        sub.uri === uri &&
        sub.filter === (args.webhookSubscription.filter ?? null)
      ) {
        return {
          webhookSubscription: null,
          userErrors: [
            {
              field: ["webhookSubscription", "callbackUrl"],
              message: "Address for this topic has already been taken",
            },
          ],
        };
      }
    }
    const now = store.now();
    const sub = {
      id: store.nextId(),
      topic: args.topic,
      uri,
      format: args.webhookSubscription.format ?? "JSON",
      filter: args.webhookSubscription.filter ?? null,
      includeFields: args.webhookSubscription.includeFields ?? [],
      metafieldNamespaces: args.webhookSubscription.metafieldNamespaces ?? [],
      name: args.webhookSubscription.name ?? null,
      createdAt: now,
      updatedAt: now,
    };
    store.webhookSubscriptions.set(sub.id, sub);
    return { webhookSubscription: webhookSubscriptionView(sub, API_VERSION), userErrors: [] };
  },

  webhookSubscriptionDelete: (args: { id: string }, ctx: ResolverContext): View => {
    const id = gidNumber(args.id, "WebhookSubscription");
    if (id === null || !ctx.store.webhookSubscriptions.delete(id)) {
      return {
        deletedWebhookSubscriptionId: null,
        userErrors: [{ field: ["id"], message: "Webhook subscription does not exist" }],
      };
    }
    return { deletedWebhookSubscriptionId: args.id, userErrors: [] };
  },
};
