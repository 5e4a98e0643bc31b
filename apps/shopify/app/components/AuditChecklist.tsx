import { Badge, BlockStack, Box, InlineStack, Text } from "@shopify/polaris";
import type { Language } from "@ninjalead/core/i18n";
import { t } from "~/i18n/t.js";

export interface ChecklistItem {
  id: string;
  rating: "good" | "ok" | "bad";
  message: string;
  fix: string | null;
}

const ORDER = { bad: 0, ok: 1, good: 2 } as const;
const TONE = { good: "success", ok: "attention", bad: "critical" } as const;
const KEY = { good: "score.good", ok: "score.ok", bad: "score.bad" } as const;

/** The audit's checks, worst first, each with its verdict and how to fix it. */
export function AuditChecklist({ lang, items }: { lang: Language; items: ChecklistItem[] }) {
  const sorted = [...items].sort((a, b) => ORDER[a.rating] - ORDER[b.rating]);
  return (
    <BlockStack gap="300" as="ul">
      {sorted.map((item) => (
        <Box as="li" key={item.id}>
          <InlineStack gap="200" wrap={false} blockAlign="start">
            <Badge tone={TONE[item.rating]}>{t(lang, KEY[item.rating])}</Badge>
            <BlockStack gap="050">
              <Text as="p">{item.message}</Text>
              {item.fix ? (
                <Text as="p" tone="subdued">
                  {item.fix}
                </Text>
              ) : null}
            </BlockStack>
          </InlineStack>
        </Box>
      ))}
    </BlockStack>
  );
}
