// Documents the reconciliation job uses: cheap stamps (id + updatedAt) of every record, and one
// product with its children to repair a drifted row.

export const PRODUCT_STAMPS = `#graphql
  query ProductStamps($first: Int!, $after: String) {
    products(first: $first, after: $after, sortKey: ID) {
      nodes {
        id
        updatedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const CUSTOMER_STAMPS = `#graphql
  query CustomerStamps($first: Int!, $after: String) {
    customers(first: $first, after: $after, sortKey: ID) {
      nodes {
        id
        updatedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const ORDER_STAMPS = `#graphql
  query OrderStamps($first: Int!, $after: String) {
    orders(first: $first, after: $after, sortKey: ID) {
      nodes {
        id
        updatedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const PRODUCT_FOR_SYNC = `#graphql
  query ProductForSync($id: ID!) {
    product(id: $id) {
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
      variants(first: 100) {
        nodes {
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
      media(first: 50) {
        nodes {
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
      metafields(first: 50) {
        nodes {
          id
          namespace
          key
          type
          value
        }
      }
    }
  }
`;
