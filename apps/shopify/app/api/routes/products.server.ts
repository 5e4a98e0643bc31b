import { auditProduct } from "@ninjalead/core/seo";
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { withParts, toSeoInput, type ProductWithParts } from "../../catalog/products.server.js";
import { decodeCursor, encodeCursor, pageQuery } from "../cursor.server.js";
import { defineApiRoute, type ApiRoute } from "../define.server.js";
import { ApiError } from "../errors.server.js";
import { shopifyId } from "./shared.server.js";

export const productId = shopifyId("product");
const checkSchema = z.object({
  id: z.string(),
  rating: z.enum(["good", "ok", "bad"]),
  score: z.number(),
  messageKey: z.string(),
  params: z.record(z.string(), z.unknown()),
  autoFixable: z.boolean(),
});
const scores = z.object({
  seo: z.number().int().min(0).max(100),
  readability: z.number().int().min(0).max(100),
});
const productSummary = z.object({
  id: z.string(),
  gid: z.string(),
  title: z.string(),
  handle: z.string(),
  status: z.string(),
  vendor: z.string(),
  productType: z.string(),
  seo: z.object({ title: z.string().nullable(), description: z.string().nullable() }),
  scores,
  updatedAt: z.string(),
});
export const auditResult = z.object({
  productId: z.string(),
  language: z.string(),
  scores,
  checks: z.array(checkSchema),
});

export async function shopLanguage(prisma: PrismaClient, domain: string): Promise<string> {
  const shop = await prisma.shop.findUnique({ where: { domain }, select: { primaryLocale: true } });
  return shop?.primaryLocale ?? "en";
}

/** A product's audit as the API shows it (one shape for GET and POST). */
export function auditView(
  product: ProductWithParts,
  language: string,
  shop: string,
): z.output<typeof auditResult> {
  const audit = auditProduct(toSeoInput(product, language, shop));
  return {
    productId: product.product.id.toString(),
    language: audit.language,
    scores: { seo: audit.seoScore, readability: audit.readabilityScore },
    checks: audit.checks.map((c) => ({
      id: c.id,
      rating: c.rating,
      score: c.score,
      messageKey: c.messageKey,
      params: c.params,
      autoFixable: c.autoFixable,
    })),
  };
}

/** The shop's product with variants and media, or a 404 (another shop's id is simply not found). */
export async function findProduct(prisma: PrismaClient, shop: string, id: string): Promise<ProductWithParts> {
  const product = await prisma.product.findUnique({ where: { shop_id: { shop, id: BigInt(id) } } });
  const [full] = product ? await withParts(prisma, shop, [product]) : [];
  if (!full) throw new ApiError("not_found", `No product ${id} in this shop`);
  return full;
}

/** Products with their SEO scores and audits. */
export const productRoutes: readonly ApiRoute[] = [
  defineApiRoute({
    method: "GET",
    path: "/api/v1/products",
    operationId: "listProducts",
    summary: "The synced catalog with SEO and readability scores, by id, paginated by cursor.",
    resource: "products",
    access: "read",
    query: pageQuery.extend({ status: z.enum(["ACTIVE", "DRAFT", "ARCHIVED"]).optional() }),
    response: z.object({ data: z.array(productSummary), nextCursor: z.string().nullable() }),
    handler: async ({ shop, query, services }) => {
      const after = query.cursor
        ? BigInt(decodeCursor(query.cursor, z.object({ id: productId })).id)
        : undefined;
      const rows = await services.db.prisma.product.findMany({
        where: {
          shop,
          ...(query.status ? { status: query.status } : {}),
          ...(after !== undefined ? { id: { gt: after } } : {}),
        },
        orderBy: { id: "asc" },
        take: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const language = await shopLanguage(services.db.prisma, shop);
      const data = (await withParts(services.db.prisma, shop, page)).map((p) => {
        const audit = auditProduct(toSeoInput(p, language, shop));
        return {
          id: p.product.id.toString(),
          gid: `gid://shopify/Product/${p.product.id}`,
          title: p.product.title,
          handle: p.product.handle,
          status: p.product.status,
          vendor: p.product.vendor,
          productType: p.product.productType,
          seo: { title: p.product.seoTitle, description: p.product.seoDescription },
          scores: { seo: audit.seoScore, readability: audit.readabilityScore },
          updatedAt: p.product.shopifyUpdatedAt.toISOString(),
        };
      });
      const last = page.at(-1);
      return {
        data,
        nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id.toString() }) : null,
      };
    },
  }),
  defineApiRoute({
    method: "GET",
    path: "/api/v1/products/{id}",
    operationId: "getProductAudit",
    summary: "One synced product with its full SEO audit.",
    resource: "products",
    access: "read",
    params: z.object({ id: productId }),
    response: auditResult,
    handler: async ({ shop, params, services }) => {
      const { prisma } = services.db;
      return auditView(await findProduct(prisma, shop, params.id), await shopLanguage(prisma, shop), shop);
    },
  }),
];
