// Admin GraphQL documents for bulk operations. Every document in this folder is validated against
// Shopify's Admin API 2026-10 schema by test/graphql-documents.test.ts.

export const BULK_OPERATION_RUN_QUERY = `#graphql
  mutation BulkOperationRunQuery($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation {
        id
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

export const BULK_OPERATION_BY_ID = `#graphql
  query BulkOperationById($id: ID!) {
    node(id: $id) {
      ... on BulkOperation {
        id
        status
        errorCode
        objectCount
        rootObjectCount
        url
        partialDataUrl
      }
    }
  }
`;

// The queries run as bulk operations (Shopify runs them over the whole store and writes JSONL).
// Named: codegen types every document, and an anonymous operation must be the only one it reads.

export const PRODUCTS_BULK_QUERY = `#graphql
  query ProductsBulk {
    products {
      edges {
        node {
          id
          title
          handle
          descriptionHtml
          vendor
          productType
          status
          tags
          templateSuffix
          seo {
            title
            description
          }
          createdAt
          updatedAt
          variants {
            edges {
              node {
                id
                title
                sku
                barcode
                price
                compareAtPrice
                inventoryQuantity
                position
                selectedOptions {
                  name
                  value
                }
                updatedAt
              }
            }
          }
          media {
            edges {
              node {
                id
                alt
                ... on MediaImage {
                  mimeType
                  image {
                    url
                    width
                    height
                  }
                }
              }
            }
          }
          metafields {
            edges {
              node {
                id
                namespace
                key
                type
                value
              }
            }
          }
        }
      }
    }
  }
`;

export const CUSTOMERS_BULK_QUERY = `#graphql
  query CustomersBulk {
    customers {
      edges {
        node {
          id
          firstName
          locale
          tags
          state
          defaultEmailAddress {
            emailAddress
            marketingState
          }
          defaultAddress {
            countryCodeV2
          }
          createdAt
          updatedAt
        }
      }
    }
  }
`;

export const ORDERS_BULK_QUERY = `#graphql
  query OrdersBulk {
    orders {
      edges {
        node {
          id
          customer {
            id
          }
          currencyCode
          totalPriceSet {
            shopMoney {
              amount
            }
          }
          subtotalPriceSet {
            shopMoney {
              amount
            }
          }
          totalDiscountsSet {
            shopMoney {
              amount
            }
          }
          displayFinancialStatus
          discountCodes
          sourceName
          cancelledAt
          processedAt
          createdAt
          updatedAt
          lineItems {
            edges {
              node {
                id
                quantity
                product {
                  id
                }
                variant {
                  id
                }
                originalUnitPriceSet {
                  shopMoney {
                    amount
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;
