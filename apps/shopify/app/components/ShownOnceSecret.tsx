import { Banner, BlockStack, Text, TextField } from "@shopify/polaris";

/** A secret the merchant sees once (a new API key, a webhook signing secret), ready to select and copy. */
export function ShownOnceSecret({ title, note, value }: { title: string; note: string; value: string }) {
  return (
    <Banner tone="success" title={title}>
      <BlockStack gap="200">
        <Text as="p">{note}</Text>
        <TextField label={title} labelHidden value={value} readOnly selectTextOnFocus autoComplete="off" />
      </BlockStack>
    </Banner>
  );
}
