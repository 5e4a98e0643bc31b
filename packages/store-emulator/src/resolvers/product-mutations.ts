import { gidNumber, toGid } from "../gid.js";
import type { ResolverContext, View } from "./context.js";
import { checkMetafieldInput, upsertMetafield, type MetafieldInput } from "./metafield-input.js";
import {
  applyProductFields,
  applyProductSetLists,
  blankProduct,
  checkProductFields,
  checkProductSetLists,
  guessMime,
  type ProductFieldsInput,
  type ProductSetInput,
  type UserErrorOut,
} from "./product-input.js";
import { definitionFor } from "./metafield-definitions.js";
import { metafieldOwner, type MetafieldOwner } from "./metafield-owners.js";
import { metafieldView, productView, shopView } from "./views.js";
import type { ProductRecord } from "../store/types.js";

interface CreateMediaInput {
  originalSource: string;
  alt?: string | null;
  mediaContentType: string;
}

function withPrefix(errors: UserErrorOut[], prefix: string[]): UserErrorOut[] {
  return errors.map((e) => ({ ...e, field: e.field ? [...prefix, ...e.field.slice(1)] : null }));
}

function appendMedia(
  product: ProductRecord,
  media: CreateMediaInput[] | null | undefined,
  ctx: ResolverContext,
): void {
  for (const item of media ?? []) {
    product.media.push({
      id: ctx.store.nextId(),
      alt: item.alt ?? null,
      url: item.originalSource,
      width: 1024,
      height: 1024,
      mimeType: guessMime(item.originalSource),
      createdAt: ctx.store.now(),
    });
  }
}

export const productMutations = {
  productSet: (
    args: {
      input: ProductSetInput;
      identifier?: { id?: string | null; handle?: string | null } | null;
      synchronous?: boolean | null;
    },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    const appId = ctx.services.app.id;
    const currency = store.shop.currencyCode;
    const fail = (userErrors: UserErrorOut[]): View => ({
      product: null,
      productSetOperation: null,
      userErrors,
    });

    const idGid = args.identifier?.id ?? args.input.id ?? null;
    let existing: ProductRecord | undefined;
    if (idGid) {
      const id = gidNumber(idGid, "Product");
      existing = id === null ? undefined : store.getProduct(id);
      if (!existing) {
        return fail([
          {
            field: args.identifier?.id ? ["identifier", "id"] : ["input", "id"],
            message: "Product does not exist",
            code: "PRODUCT_DOES_NOT_EXIST",
          },
        ]);
      }
    } else if (args.identifier?.handle) {
      existing = store.productByHandle(args.identifier.handle);
    }
    const input: ProductSetInput =
      existing || !args.identifier?.handle ? args.input : { handle: args.identifier.handle, ...args.input };
    const errors = [
      ...checkProductFields(input, existing, store, appId, ["input"]),
      ...checkProductSetLists(input, existing, appId),
    ];
    if (errors.length) return fail(errors);

    const apply = (product: ProductRecord) => {
      applyProductFields(product, input, store, appId);
      applyProductSetLists(product, input, store, appId);
    };
    let product: ProductRecord;
    if (existing) {
      product = store.updateProduct(existing.id, apply) ?? existing;
    } else {
      product = blankProduct(store, input.title ?? "");
      apply(product);
      if (!input.handle) product.handle = store.uniqueHandle(product.title);
      store.createProduct(product);
    }
    const view = productView(product, currency);
    // Asynchronous productSet answers an operation to poll; the emulator completes it at once.
    const operation =
      args.synchronous === false
        ? {
            __typename: "ProductSetOperation",
            id: toGid("ProductSetOperation", store.nextId()),
            status: "COMPLETE",
            product: view,
            userErrors: [],
          }
        : null;
    return {
      product: args.synchronous === false ? null : view,
      productSetOperation: operation,
      userErrors: [],
    };
  },

  productCreate: (
    args: {
      product?:
        | (ProductFieldsInput & {
            productOptions?: { name: string; values?: { name: string }[] | null }[] | null;
          })
        | null;
      input?: ProductFieldsInput | null;
      media?: CreateMediaInput[] | null;
    },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    const appId = ctx.services.app.id;
    const input = args.product ?? args.input ?? {};
    const errors = withPrefix(checkProductFields(input, undefined, store, appId, ["product"]), []);
    if (errors.length) return { product: null, userErrors: errors };
    const product = blankProduct(store, input.title ?? "");
    applyProductFields(product, input, store, appId);
    const options = args.product?.productOptions;
    if (options?.length) {
      applyProductSetLists(product, { productOptions: options }, store, appId);
    }
    if (!input.handle) product.handle = store.uniqueHandle(product.title);
    appendMedia(product, args.media, ctx);
    store.createProduct(product);
    return { product: productView(product, store.shop.currencyCode), userErrors: [] };
  },

  productUpdate: (
    args: {
      product?: (ProductFieldsInput & { id?: string | null }) | null;
      input?: (ProductFieldsInput & { id?: string | null }) | null;
      identifier?: { id?: string | null; handle?: string | null } | null;
      media?: CreateMediaInput[] | null;
    },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    const appId = ctx.services.app.id;
    const input = args.product ?? args.input ?? {};
    const idGid = args.identifier?.id ?? input.id ?? null;
    const id = idGid ? gidNumber(idGid, "Product") : null;
    const existing =
      id !== null
        ? store.getProduct(id)
        : args.identifier?.handle
          ? store.productByHandle(args.identifier.handle)
          : undefined;
    if (!existing)
      return { product: null, userErrors: [{ field: ["id"], message: "Product does not exist" }] };
    const errors = checkProductFields(input, existing, store, appId, []).map((e) => ({
      field: e.field,
      message: e.message,
    }));
    if (errors.length) return { product: null, userErrors: errors };
    const product = store.updateProduct(existing.id, (p) => {
      applyProductFields(p, input, store, appId);
      appendMedia(p, args.media, ctx);
    });
    return { product: product ? productView(product, store.shop.currencyCode) : null, userErrors: [] };
  },

  productDelete: (args: { input: { id: string } }, ctx: ResolverContext): View => {
    const id = gidNumber(args.input.id, "Product");
    if (id === null || !ctx.store.deleteProduct(id)) {
      return {
        deletedProductId: null,
        productDeleteOperation: null,
        shop: shopView(ctx.store.shop),
        userErrors: [{ field: ["id"], message: "Product does not exist" }],
      };
    }
    return {
      deletedProductId: args.input.id,
      productDeleteOperation: null,
      shop: shopView(ctx.store.shop),
      userErrors: [],
    };
  },

  metafieldsSet: (
    args: { metafields: (MetafieldInput & { ownerId: string })[] },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    const appId = ctx.services.app.id;
    if (args.metafields.length > 25) {
      return {
        metafields: null,
        userErrors: [
          {
            field: ["metafields"],
            message: "Exceeded the maximum metafields input limit of 25.",
            code: "LESS_THAN_OR_EQUAL_TO",
            elementIndex: null,
          },
        ],
      };
    }
    const userErrors: View[] = [];
    const owners: MetafieldOwner[] = [];
    for (const [index, input] of args.metafields.entries()) {
      const owner = metafieldOwner(input.ownerId, ctx);
      if (!owner) {
        userErrors.push({
          field: ["metafields", String(index), "ownerId"],
          message: "Owner does not exist.",
          code: "INVALID",
          elementIndex: index,
        });
        continue;
      }
      owners.push(owner);
      for (const problem of checkMetafieldInput(input, owner.list, appId, ["metafields", String(index)])) {
        userErrors.push({ ...problem, elementIndex: index });
      }
      // A definition fixes the type of every metafield under its namespace and key.
      const definition = definitionFor(ctx, owner.type, input.namespace, input.key);
      if (definition && input.type && input.type !== definition.type) {
        userErrors.push({
          field: ["metafields", String(index), "type"],
          message: `Type '${input.type}' must be consistent with the definition's type: '${definition.type}'.`,
          code: "INVALID_TYPE",
          elementIndex: index,
        });
      }
    }
    // All or nothing, as Shopify's metafieldsSet.
    if (userErrors.length) return { metafields: null, userErrors };
    const saved = args.metafields.map((input, index) => {
      const owner = owners[index] as MetafieldOwner;
      return metafieldView(upsertMetafield(owner.list, input, store, appId), owner.type, owner.view);
    });
    return { metafields: saved, userErrors: [] };
  },
};
