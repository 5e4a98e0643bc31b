// View objects: what the GraphQL layer sees of the store's records. graphql-js's default field
// resolver reads a property, or calls it with (args, context, info) when it is a function.
export * from "./common-views.js";
export * from "./product-views.js";
export * from "./commerce-views.js";
export * from "./app-views.js";
