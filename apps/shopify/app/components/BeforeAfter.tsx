import type { ReactNode } from "react";
import { BlockStack, Divider, InlineGrid, Text } from "@shopify/polaris";

export interface BeforeAfterRow {
  key: string;
  label: string;
  before: string;
  /** What is shown in the "after" column (the caller words "unchanged"). */
  after: ReactNode;
}

/**
 * Field / before / after, one row per field: a grid rather than a table, so long texts wrap
 * instead of scrolling sideways. Used by the import preview and the bulk fix review.
 */
export function BeforeAfter({
  headings,
  rows,
}: {
  headings: { field: string; before: string; after: string };
  rows: BeforeAfterRow[];
}) {
  return (
    <BlockStack gap="200">
      <InlineGrid columns={{ xs: 1, md: "10rem 1fr 1fr" }} gap="300">
        <Text as="span" fontWeight="semibold">
          {headings.field}
        </Text>
        <Text as="span" fontWeight="semibold">
          {headings.before}
        </Text>
        <Text as="span" fontWeight="semibold">
          {headings.after}
        </Text>
      </InlineGrid>
      {rows.map((row) => (
        <BlockStack key={row.key} gap="200">
          <Divider />
          <InlineGrid columns={{ xs: 1, md: "10rem 1fr 1fr" }} gap="300">
            <Text as="span" tone="subdued">
              {row.label}
            </Text>
            <Text as="span" breakWord>
              {row.before || "–"}
            </Text>
            <Text as="span" breakWord>
              {row.after}
            </Text>
          </InlineGrid>
        </BlockStack>
      ))}
    </BlockStack>
  );
}
