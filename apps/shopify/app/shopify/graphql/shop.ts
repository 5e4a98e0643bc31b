// The shop's identity and languages, read at install.

export const SHOP_INFO = `#graphql
  query ShopInfo {
    shop {
      name
      myshopifyDomain
      currencyCode
    }
  }
`;
