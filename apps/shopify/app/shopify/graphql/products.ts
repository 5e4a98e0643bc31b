// Product writes (SEO fixes, imports, deletions) and the heavier product page read.

export const PRODUCT_UPDATE = `#graphql
  mutation ProductUpdate($product: ProductUpdateInput!) {
    productUpdate(product: $product) {
      product {
        id
        title
        updatedAt
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const PRODUCT_DELETE = `#graphql
  mutation ProductDelete($input: ProductDeleteInput!) {
    productDelete(input: $input) {
      deletedProductId
      userErrors {
        field
        message
      }
    }
  }
`;

/** Products with their variants: up to 100 variants each, so a page of 250 exceeds the cost limit. */
export const PRODUCTS_WITH_VARIANTS = `#graphql
  query ProductsWithVariants($first: Int!, $after: String) {
    products(first: $first, after: $after) {
      nodes {
        id
        title
        variants(first: 100) {
          nodes {
            id
            sku
            price
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

// Product images are files: their alt text changes through fileUpdate (productUpdateMedia is
// deprecated). All or nothing: one userError and Shopify changes none of them.
export const FILE_ALT_UPDATE = `#graphql
  mutation FileAltUpdate($files: [FileUpdateInput!]!) {
    fileUpdate(files: $files) {
      files {
        id
        alt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
