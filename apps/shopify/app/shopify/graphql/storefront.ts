// Storefront data: the theme extension's metafield definitions and values, the app-data flags
// that switch its blocks on, and the customers written from storefront leads.

export const METAFIELD_DEFINITION_CREATE = `#graphql
  mutation MetafieldDefinitionCreate($definition: MetafieldDefinitionInput!) {
    metafieldDefinitionCreate(definition: $definition) {
      createdDefinition {
        id
        namespace
        key
        ownerType
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** The app's definitions for one owner type in its reserved namespace (`$app`). */
export const APP_METAFIELD_DEFINITIONS = `#graphql
  query MetafieldDefinitions($ownerType: MetafieldOwnerType!, $namespace: String!) {
    metafieldDefinitions(first: 50, ownerType: $ownerType, namespace: $namespace) {
      nodes {
        id
        namespace
        key
        ownerType
        metafieldsCount
        type {
          name
        }
        access {
          admin
          storefront
        }
      }
    }
  }
`;

export const METAFIELDS_SET = `#graphql
  mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
        namespace
        key
        updatedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const METAFIELDS_DELETE = `#graphql
  mutation MetafieldsDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields {
        ownerId
        namespace
        key
      }
      userErrors {
        field
        message
      }
    }
  }
`;

/** The ids the writers need as metafield owners: the shop and the app installation. */
export const STOREFRONT_OWNERS = `#graphql
  query StorefrontOwners {
    shop {
      id
    }
    currentAppInstallation {
      id
    }
  }
`;

export const CUSTOMER_BY_EMAIL = `#graphql
  query CustomerByEmail($query: String!) {
    customers(first: 1, query: $query) {
      nodes {
        id
        email
        emailMarketingConsent {
          marketingState
          marketingOptInLevel
          consentUpdatedAt
        }
      }
    }
  }
`;

export const CUSTOMER_CREATE = `#graphql
  mutation CustomerCreate($input: CustomerInput!) {
    customerCreate(input: $input) {
      customer {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const CUSTOMER_EMAIL_MARKETING_CONSENT_UPDATE = `#graphql
  mutation CustomerEmailMarketingConsentUpdate($input: CustomerEmailMarketingConsentUpdateInput!) {
    customerEmailMarketingConsentUpdate(input: $input) {
      customer {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
