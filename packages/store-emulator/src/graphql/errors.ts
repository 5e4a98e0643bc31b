import { GraphQLError } from "graphql";

/** A GraphQL error with an `extensions.code`, as Shopify's resolvers raise them. */
export function codedError(message: string, code: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** Raised for a valid field the emulator does not implement: loud, never a silent null. */
export function notEmulated(what: string): GraphQLError {
  return codedError(
    `${what} is valid in Admin API 2026-10 but is not emulated by @ninjalead/store-emulator. Add it to the emulator if the app needs it.`,
    "NOT_EMULATED",
  );
}
