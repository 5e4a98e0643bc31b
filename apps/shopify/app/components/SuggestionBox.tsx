import type { Language } from "@ninjalead/core/i18n";
import { Badge, BlockStack, Box, Button, InlineStack, Text } from "@shopify/polaris";
import { t } from "~/i18n/t.js";

/** One AI suggestion under its field; offline output says so (it is not a model's writing). */
export function SuggestionBox({
  lang,
  provider,
  text,
  onUse,
}: {
  lang: Language;
  provider: "openai" | "xai" | "offline";
  text: string;
  onUse: (text: string) => void;
}) {
  return (
    <Box background="bg-surface-secondary" padding="300" borderRadius="200">
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="span" fontWeight="semibold">
            {t(lang, "product.suggestion")}
          </Text>
          {provider === "offline" ? <Badge tone="info">{t(lang, "product.offline")}</Badge> : null}
        </InlineStack>
        <Text as="p">{text}</Text>
        {provider === "offline" ? (
          <Text as="p" tone="subdued" variant="bodySm">
            {t(lang, "product.offlineHelp")}
          </Text>
        ) : null}
        <InlineStack>
          <Button onClick={() => onUse(text)}>{t(lang, "product.useSuggestion")}</Button>
        </InlineStack>
      </BlockStack>
    </Box>
  );
}
