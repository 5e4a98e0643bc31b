// customerCreate, customerUpdate and customerEmailMarketingConsentUpdate, with Shopify's checks:
// unique email and phone, a customer needs a name, email or phone, consent needs an email.
import { gidNumber } from "../gid.js";
import type { CustomerRecord, EmailMarketingState } from "../store/types.js";
import type { ResolverContext, View } from "./context.js";
import { checkMetafieldInput, upsertMetafield, type MetafieldInput } from "./metafield-input.js";
import { customerView } from "./views.js";

type OptInLevel = "CONFIRMED_OPT_IN" | "SINGLE_OPT_IN" | "UNKNOWN";

interface ConsentInput {
  marketingState: string;
  marketingOptInLevel?: OptInLevel | null;
  consentUpdatedAt?: string | null;
  sourceLocationId?: string | null;
}

interface CustomerInput {
  id?: string | null;
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  locale?: string | null;
  note?: string | null;
  tags?: string[] | null;
  emailMarketingConsent?: ConsentInput | null;
  metafields?: MetafieldInput[] | null;
}

interface UserError {
  field: string[] | null;
  message: string;
  code?: string;
}

/** States a client may set (REDACTED and INVALID are Shopify's own). */
const SETTABLE_STATES = new Set<string>(["NOT_SUBSCRIBED", "PENDING", "SUBSCRIBED", "UNSUBSCRIBED"]);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function normalizeEmail(email: string | null | undefined): string | null | undefined {
  return typeof email === "string" ? email.trim().toLowerCase() : email;
}

function checkConsent(consent: ConsentInput, now: string, field: string[], codes: boolean): UserError[] {
  const errors: UserError[] = [];
  const code = (c: string) => (codes ? { code: c } : {});
  if (!SETTABLE_STATES.has(consent.marketingState)) {
    errors.push({
      field: [...field, "marketingState"],
      message: "Marketing state is not included in the list",
      ...code("INCLUSION"),
    });
  }
  if (consent.consentUpdatedAt) {
    const at = Date.parse(consent.consentUpdatedAt);
    if (!Number.isFinite(at)) {
      errors.push({
        field: [...field, "consentUpdatedAt"],
        message: "Consent updated at is invalid",
        ...code("INVALID"),
      });
    } else if (at > Date.parse(now) + 60_000) {
      errors.push({
        field: [...field, "consentUpdatedAt"],
        message: "Consent updated at cannot be in the future",
        ...code("INVALID"),
      });
    }
  }
  return errors;
}

function applyConsent(customer: CustomerRecord, consent: ConsentInput, now: string): void {
  customer.emailMarketingState = consent.marketingState as EmailMarketingState;
  customer.emailMarketingOptInLevel =
    consent.marketingOptInLevel ?? (consent.marketingState === "SUBSCRIBED" ? "SINGLE_OPT_IN" : null);
  customer.emailMarketingConsentUpdatedAt = consent.consentUpdatedAt
    ? new Date(consent.consentUpdatedAt).toISOString().replace(/\.\d{3}Z$/, "Z")
    : now;
}

/** Email/phone format and uniqueness (another customer than `selfId`), metafields. */
function checkCustomerFields(input: CustomerInput, ctx: ResolverContext, selfId: number | null): UserError[] {
  const errors: UserError[] = [];
  const email = normalizeEmail(input.email);
  if (email) {
    if (!EMAIL.test(email)) errors.push({ field: ["email"], message: "Email is invalid" });
    else {
      for (const c of ctx.store.customers.values()) {
        if (c.id !== selfId && c.email?.toLowerCase() === email) {
          errors.push({ field: ["email"], message: "Email has already been taken" });
          break;
        }
      }
    }
  }
  const phone = input.phone?.trim();
  if (phone) {
    if (!/^\+?[\d\s().-]{6,20}$/.test(phone)) errors.push({ field: ["phone"], message: "Phone is invalid" });
    else {
      const digits = phone.replace(/\D/g, "");
      for (const c of ctx.store.customers.values()) {
        if (c.id !== selfId && c.phone && c.phone.replace(/\D/g, "") === digits) {
          errors.push({ field: ["phone"], message: "Phone has already been taken" });
          break;
        }
      }
    }
  }
  const existing = selfId === null ? [] : (ctx.store.customers.get(selfId)?.metafields ?? []);
  for (const [index, metafield] of (input.metafields ?? []).entries()) {
    for (const p of checkMetafieldInput(metafield, existing, ctx.services.app.id, [
      "metafields",
      String(index),
    ])) {
      errors.push({ field: p.field, message: p.message });
    }
  }
  return errors;
}

function applyFields(customer: CustomerRecord, input: CustomerInput, ctx: ResolverContext): void {
  if (input.email !== undefined) customer.email = normalizeEmail(input.email) || null;
  if (input.phone !== undefined) customer.phone = input.phone?.trim() || null;
  if (input.firstName !== undefined) customer.firstName = input.firstName?.trim() ?? "";
  if (input.lastName !== undefined) customer.lastName = input.lastName?.trim() ?? "";
  if (input.locale) customer.locale = input.locale;
  if (input.note !== undefined) customer.note = input.note;
  if (input.tags) customer.tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
  for (const metafield of input.metafields ?? []) {
    upsertMetafield(customer.metafields, metafield, ctx.store, ctx.services.app.id);
  }
}

export const customerMutations = {
  customerCreate: (args: { input: CustomerInput }, ctx: ResolverContext): View => {
    const { store } = ctx;
    const input = args.input;
    const now = store.now();
    const errors = checkCustomerFields(input, ctx, null);
    const hasIdentity = [input.email, input.phone, input.firstName, input.lastName].some(
      (v) => typeof v === "string" && v.trim() !== "",
    );
    if (!hasIdentity) {
      errors.push({ field: null, message: "Customer must have a name, phone number or email address" });
    }
    if (input.id) errors.push({ field: ["id"], message: "Id must be blank when creating a customer" });
    if (input.emailMarketingConsent) {
      if (!input.email?.trim()) {
        errors.push({
          field: ["emailMarketingConsent"],
          message: "An email address is required to set the email marketing consent state.",
        });
      }
      errors.push(...checkConsent(input.emailMarketingConsent, now, ["emailMarketingConsent"], false));
    }
    if (errors.length > 0) return { customer: null, userErrors: errors };
    const customer: CustomerRecord = {
      id: store.nextId(),
      firstName: "",
      lastName: "",
      email: null,
      phone: null,
      locale: store.shop.primaryLocale,
      tags: [],
      note: null,
      state: "DISABLED",
      verifiedEmail: true,
      emailMarketingState: "NOT_SUBSCRIBED",
      emailMarketingOptInLevel: null,
      emailMarketingConsentUpdatedAt: null,
      address: null,
      metafields: [],
      createdAt: now,
      updatedAt: now,
    };
    applyFields(customer, input, ctx);
    if (input.emailMarketingConsent) applyConsent(customer, input.emailMarketingConsent, now);
    store.createCustomer(customer);
    return { customer: customerView(customer, ctx), userErrors: [] };
  },

  customerUpdate: (args: { input: CustomerInput }, ctx: ResolverContext): View => {
    const { store } = ctx;
    const input = args.input;
    const id = input.id ? gidNumber(input.id, "Customer") : null;
    const existing = id === null ? undefined : store.customers.get(id);
    if (!existing)
      return { customer: null, userErrors: [{ field: ["id"], message: "Customer does not exist" }] };
    const errors = checkCustomerFields(input, ctx, existing.id);
    // Consent changes go through customerEmailMarketingConsentUpdate, which records how and when.
    if (input.emailMarketingConsent) {
      errors.push({
        field: ["emailMarketingConsent"],
        message:
          "To update emailMarketingConsent, please use the customerEmailMarketingConsentUpdate Mutation instead",
      });
    }
    if (input.email === null || input.email?.trim() === "") {
      const others = [existing.phone, existing.firstName, existing.lastName].some(
        (v) => v && v.trim() !== "",
      );
      if (!others)
        errors.push({ field: null, message: "Customer must have a name, phone number or email address" });
    }
    if (errors.length > 0) return { customer: null, userErrors: errors };
    const customer = store.updateCustomer(existing.id, (c) => applyFields(c, input, ctx)) ?? existing;
    return { customer: customerView(customer, ctx), userErrors: [] };
  },

  customerEmailMarketingConsentUpdate: (
    args: { input: { customerId: string; emailMarketingConsent: ConsentInput } },
    ctx: ResolverContext,
  ): View => {
    const { store } = ctx;
    const id = gidNumber(args.input.customerId, "Customer");
    const existing = id === null ? undefined : store.customers.get(id);
    if (!existing) {
      return {
        customer: null,
        userErrors: [{ field: ["input", "customerId"], message: "Customer not found", code: "INVALID" }],
      };
    }
    const now = store.now();
    const errors = checkConsent(
      args.input.emailMarketingConsent,
      now,
      ["input", "emailMarketingConsent"],
      true,
    );
    if (!existing.email) {
      errors.push({
        field: ["input", "customerId"],
        message: "An email address is required to set the email marketing consent state.",
        code: "MISSING_ARGUMENT",
      });
    }
    if (errors.length > 0) return { customer: null, userErrors: errors };
    const customer =
      store.updateCustomer(existing.id, (c) => applyConsent(c, args.input.emailMarketingConsent, now)) ??
      existing;
    return { customer: customerView(customer, ctx), userErrors: [] };
  },
};
