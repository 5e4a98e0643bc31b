import { LANGUAGES, normalizeLanguage } from "@ninjalead/core/i18n";
import { SEGMENTS } from "@ninjalead/core/segments";
import { z } from "zod";
import {
  generatePersonasSchema,
  generateShopPersonas,
  getPersona,
  listPersonas,
} from "../../personas/personas.server.js";
import { defineApiRoute, type ApiRoute } from "../define.server.js";
import { marketing, marketingDeps } from "./marketing.server.js";
import { shopLanguage } from "./products.server.js";

const personaView = z.looseObject({
  id: z.string(),
  groupId: z.string(),
  language: z.enum(LANGUAGES),
  segment: z.enum(SEGMENTS),
  segmentName: z.string(),
  name: z.string(),
  summary: z.string(),
  ageRange: z.tuple([z.number(), z.number()]),
  goals: z.array(z.string()),
  pains: z.array(z.string()),
  preferredChannels: z.array(z.string()),
  favouriteProducts: z.array(z.object({ id: z.string(), title: z.string() })),
  avatar: z.string().nullable(),
  generatedBy: z.string(),
  offline: z.boolean(),
  languages: z.array(z.enum(LANGUAGES)),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** AI buyer personas grounded in the shop's segments (the admin's Personas page, over the API). */
export const personaRoutes: readonly ApiRoute[] = [
  defineApiRoute({
    method: "GET",
    path: "/api/v1/personas",
    operationId: "listPersonas",
    summary:
      "The shop's personas, one per persona group, in the given language where translated. A shop has a handful, so the list is one page (nextCursor is always null).",
    resource: "personas",
    access: "read",
    query: z.object({ language: z.enum(LANGUAGES).optional() }),
    response: z.object({
      language: z.enum(LANGUAGES),
      data: z.array(personaView.extend({ translated: z.boolean() })),
      nextCursor: z.null(),
    }),
    handler: async ({ shop, query, services }) => {
      const { prisma } = services.db;
      const language = query.language ?? normalizeLanguage(await shopLanguage(prisma, shop));
      const list = await listPersonas(prisma, shop, language);
      return { language: list.language, data: list.personas, nextCursor: null };
    },
  }),
  defineApiRoute({
    method: "GET",
    path: "/api/v1/personas/{id}",
    operationId: "getPersona",
    summary: "One persona (one language of it).",
    resource: "personas",
    access: "read",
    params: z.object({ id: z.string().regex(/^[a-z0-9]{10,40}$/, "an id this API returned") }),
    response: personaView,
    handler: async ({ shop, params, services }) =>
      marketing(() => getPersona(services.db.prisma, shop, params.id)),
  }),
  defineApiRoute({
    method: "POST",
    path: "/api/v1/personas/generate",
    operationId: "generatePersonas",
    summary:
      "Generates the shop's personas from its segments in one language, replacing the previous set; each sends a persona.created webhook. 409 when the shop has no customer with an order yet.",
    resource: "personas",
    access: "write",
    status: 201,
    body: generatePersonasSchema,
    response: z.object({ data: z.array(personaView) }),
    handler: async (ctx) => {
      const deps = await marketingDeps(ctx);
      return { data: await marketing(() => generateShopPersonas(deps, ctx.body)) };
    },
  }),
];
