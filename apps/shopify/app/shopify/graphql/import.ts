// Catalog import: write a planned product with productSet, and read it back for a re-import.

export const IMPORT_PRODUCT_SET = `#graphql
  mutation ImportProductSet($identifier: ProductSetIdentifiers, $input: ProductSetInput!) {
    productSet(identifier: $identifier, input: $input, synchronous: true) {
      product {
        id
        handle
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/**
 * What `planImport` needs as `existing` to update in place: ids of options, values, variants
 * (with the supplier SKU each came from) and media (zipped with ninjalead.media_sources).
 */
export const IMPORTED_PRODUCT = `#graphql
  query ImportedProduct($id: ID!) {
    product(id: $id) {
      id
      handle
      status
      tags
      metafields(first: 50) {
        nodes {
          namespace
          key
          type
          value
        }
      }
      options {
        id
        name
        optionValues {
          id
          name
        }
      }
      variants(first: 100) {
        nodes {
          id
          sku
          price
          metafield(namespace: "ninjalead", key: "source_sku_id") {
            value
          }
        }
      }
      media(first: 250) {
        nodes {
          id
        }
      }
    }
  }
`;

export const SHOP_CURRENCY = `#graphql
  query ShopCurrency {
    shop {
      currencyCode
    }
  }
`;
