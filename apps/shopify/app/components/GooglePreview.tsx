import { BlockStack, Box, Text } from "@shopify/polaris";

export interface SerpPreview {
  url: string;
  title: string;
  description: string;
}

/** How the product shows in Google's results: the lines already cut to Google's pixel widths. */
export function GooglePreview({ preview }: { preview: SerpPreview }) {
  return (
    <Box padding="400" borderWidth="025" borderColor="border" borderRadius="200">
      <BlockStack gap="100">
        <Text as="p" variant="bodySm" tone="subdued" breakWord>
          {preview.url}
        </Text>
        <p
          style={{
            margin: 0,
            fontFamily: "Arial, sans-serif",
            fontSize: 20,
            lineHeight: 1.3,
            color: "#1a0dab",
          }}
        >
          {preview.title}
        </p>
        <p
          style={{
            margin: 0,
            fontFamily: "Arial, sans-serif",
            fontSize: 14,
            lineHeight: 1.58,
            color: "#4d5156",
          }}
        >
          {preview.description}
        </p>
      </BlockStack>
    </Box>
  );
}
