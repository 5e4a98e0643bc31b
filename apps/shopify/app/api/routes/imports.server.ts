import { normalizeLanguage } from "@ninjalead/core/i18n";
import { z } from "zod";
import { createImport, importFormSchema, type ImportFieldErrors } from "../../admin/import.server.js";
import { COMPARE_AT_MODES, DEFAULT_PRICING, PRICE_ENDINGS } from "../../admin/import-form.js";
import { t } from "../../i18n/t.js";
import { AdminApiError } from "../../shopify/admin-errors.server.js";
import { decodeCursor, encodeCursor, pageQuery } from "../cursor.server.js";
import { defineApiRoute, type ApiRoute } from "../define.server.js";
import { ApiError } from "../errors.server.js";
import { shopLanguage } from "./products.server.js";
import { pageOf } from "./shared.server.js";

const sourceIdParam = z
  .string()
  .regex(/^aliexpress:\d{1,20}$/, "an import id such as aliexpress:1005006123456789");

const importView = z.object({
  id: z.string(),
  productGid: z.string(),
  productId: z.string(),
  title: z.string(),
  variantCount: z.number().int(),
  importCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const importRow = {
  sourceId: true,
  productGid: true,
  title: true,
  variantCount: true,
  importCount: true,
  createdAt: true,
  updatedAt: true,
} as const;

function view(row: {
  sourceId: string;
  productGid: string;
  title: string;
  variantCount: number;
  importCount: number;
  createdAt: Date;
  updatedAt: Date;
}): z.output<typeof importView> {
  return {
    id: row.sourceId,
    productGid: row.productGid,
    productId: row.productGid.split("/").at(-1) ?? "",
    title: row.title,
    variantCount: row.variantCount,
    importCount: row.importCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The admin form's rules as JSON; the values are checked again by the form's own schema. */
const createBody = z
  .object({
    source: z
      .string()
      .trim()
      .min(1)
      .max(1_000_000)
      .describe(
        "The aliexpress.ds.product.get response body as text (SKU ids exceed 2^53, so it is sent as a string), or a product link.",
      ),
    multiplier: z.string().default(DEFAULT_PRICING.multiplier),
    minimumMargin: z
      .string()
      .default(DEFAULT_PRICING.minimumMargin)
      .describe("Percent of the price (30 = 30 %)."),
    ending: z.enum(PRICE_ENDINGS).default(DEFAULT_PRICING.ending),
    compareAt: z.enum(COMPARE_AT_MODES).default(DEFAULT_PRICING.compareAt),
    rate: z
      .string()
      .default("")
      .describe("Shop-currency units per supplier-currency unit; needed when the currencies differ."),
    optimise: z.boolean().default(false).describe("Rewrite title, description and SEO with AI first."),
  })
  .strict();

/** The form's field errors (i18n keys) as API issues, in English. */
function issuesOf(errors: ImportFieldErrors): { path: string; message: string }[] {
  return Object.entries(errors).map(([field, error]) => ({
    path: `body.${field}`,
    message: t("en", error.key, error.params),
  }));
}

/** AliExpress imports: the history, and creating a product live in the store as a draft. */
export const importRoutes: readonly ApiRoute[] = [
  defineApiRoute({
    method: "GET",
    path: "/api/v1/imports",
    operationId: "listImports",
    summary: "The shop's AliExpress imports, most recently (re-)imported first.",
    resource: "imports",
    access: "read",
    query: pageQuery,
    response: pageOf(importView),
    handler: async ({ shop, query, services }) => {
      const after = query.cursor
        ? decodeCursor(query.cursor, z.object({ at: z.iso.datetime(), id: sourceIdParam }))
        : undefined;
      const at = after ? new Date(after.at) : undefined;
      const rows = await services.db.prisma.productImport.findMany({
        where: {
          shop,
          ...(after && at
            ? { OR: [{ updatedAt: { lt: at } }, { updatedAt: at, sourceId: { lt: after.id } }] }
            : {}),
        },
        orderBy: [{ updatedAt: "desc" }, { sourceId: "desc" }],
        take: query.limit + 1,
        select: importRow,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        data: page.map(view),
        nextCursor:
          rows.length > query.limit && last
            ? encodeCursor({ at: last.updatedAt.toISOString(), id: last.sourceId })
            : null,
      };
    },
  }),
  defineApiRoute({
    method: "GET",
    path: "/api/v1/imports/{id}",
    operationId: "getImport",
    summary: "One import, by its source id (aliexpress:<product id>).",
    resource: "imports",
    access: "read",
    params: z.object({ id: sourceIdParam }),
    response: importView,
    handler: async ({ shop, params, services }) => {
      const row = await services.db.prisma.productImport.findUnique({
        where: { shop_sourceId: { shop, sourceId: params.id } },
        select: importRow,
      });
      if (!row) throw new ApiError("not_found", `No import ${params.id} in this shop`);
      return view(row);
    },
  }),
  defineApiRoute({
    method: "POST",
    path: "/api/v1/imports",
    operationId: "createImport",
    summary:
      "Imports an AliExpress product: priced by the given rules and created live in the store as a draft (a product imported before is updated in place). Recorded in the audit trail and announced by the import.created webhook.",
    resource: "imports",
    access: "write",
    status: 201,
    body: createBody,
    response: importView.extend({ update: z.boolean() }),
    handler: async ({ shop, body, services, principal, requestId }) => {
      const { prisma } = services.db;
      const form = new FormData();
      for (const [key, value] of Object.entries({ ...body, optimise: body.optimise ? "on" : "off" })) {
        form.set(key, value);
      }
      // Same checks as the admin form (its messages, in English), before anything reaches the store.
      const checked = importFormSchema.safeParse(Object.fromEntries(form));
      if (!checked.success) {
        throw new ApiError(
          "validation_failed",
          "Invalid body",
          checked.error.issues.map((i) => ({
            path: `body.${i.path.map(String).join(".")}`,
            message: t("en", i.message as Parameters<typeof t>[1]),
          })),
        );
      }
      if (!services.integrations) throw new ApiError("unavailable", "The store connection is not available");
      let outcome;
      try {
        outcome = await createImport(
          {
            prisma,
            admin: services.integrations.admin(shop),
            ai: await services.integrations.ai(shop),
            shop,
            contentLanguage: normalizeLanguage(await shopLanguage(prisma, shop)),
            language: "en",
            actor: { type: "api_key", id: principal.prefix },
            requestId,
          },
          form,
        );
      } catch (error) {
        if (error instanceof AdminApiError) {
          services.logger.warn("api: store unavailable during import", { requestId, code: error.code });
          throw new ApiError("unavailable", "The store did not answer; retry shortly", [], {
            "Retry-After": "5",
          });
        }
        throw error;
      }
      if (!outcome.ok) {
        if (outcome.storeErrors?.length) {
          throw new ApiError(
            "validation_failed",
            "The store refused the product",
            outcome.storeErrors.map((message) => ({ path: "body.source", message })),
          );
        }
        throw new ApiError("validation_failed", "Invalid body", issuesOf(outcome.fieldErrors));
      }
      if (outcome.kind === "urls") {
        // Fetching a product by link needs AliExpress Dropshipping API credentials the app does not hold.
        throw new ApiError(
          "validation_failed",
          "Product links are recognised but cannot be fetched without AliExpress API credentials: send the aliexpress.ds.product.get payload as `source`",
          outcome.urls.map((u) => ({
            path: "body.source",
            message: u.productId
              ? `AliExpress product ${u.productId}: send its payload`
              : (u.error ?? u.input),
          })),
        );
      }
      if (outcome.kind !== "created") throw new ApiError("internal", "The import did not complete");
      const row = await prisma.productImport.findUnique({
        where: { shop_sourceId: { shop, sourceId: outcome.preview.sourceId } },
        select: importRow,
      });
      if (!row) throw new ApiError("internal", "The import was not recorded");
      return { ...view(row), update: outcome.update };
    },
  }),
];
