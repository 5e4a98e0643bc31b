import { Banner, BlockStack, Text } from "@shopify/polaris";

/**
 * A refusal under a translated title: Shopify's userErrors verbatim (Shopify words them, in the
 * store's language) and any of our own translated messages.
 */
export function StoreErrorsBanner({ title, messages }: { title: string; messages: readonly string[] }) {
  return (
    <Banner tone="critical" title={title}>
      <BlockStack gap="100">
        {messages.map((message) => (
          <Text as="p" key={message}>
            {message}
          </Text>
        ))}
      </BlockStack>
    </Banner>
  );
}
