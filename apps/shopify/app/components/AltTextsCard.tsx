import { useEffect, useState } from "react";
import { useFetcher } from "@remix-run/react";
import type { Language } from "@ninjalead/core/i18n";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  InlineStack,
  Text,
  TextField,
  Thumbnail,
} from "@shopify/polaris";
import type {
  AltErrorKey,
  ProductImage,
  SaveAltsResult,
  SeoSuggestions,
} from "~/admin/product-detail.server.js";
import { t } from "~/i18n/t.js";
import { SuggestionBox } from "./SuggestionBox.js";
import { StoreErrorsBanner } from "./StoreErrorsBanner.js";

type AltsAction = { intent: "alts" } & SaveAltsResult;

/**
 * The product's images with their alt texts, editable, with the AI suggestions for the images whose
 * alt is missing or meaningless; saved live to the store in one `fileUpdate`.
 */
export function AltTextsCard({
  lang,
  images,
  suggestions,
  productTitle,
}: {
  lang: Language;
  images: ProductImage[];
  suggestions: SeoSuggestions | null;
  productTitle: string;
}) {
  const save = useFetcher<AltsAction>({ key: "alt-texts" });
  // The same request as the SEO card's button (shared key): one suggestion run fills both cards.
  const suggest = useFetcher({ key: "seo-suggestions" });
  const [alts, setAlts] = useState<Record<string, string>>(() => altsOf(images));
  // After a save the loader reloads the product: show what the store now holds.
  const stored = images.map((i) => `${i.id}:${i.alt}`).join("|");
  useEffect(() => setAlts(altsOf(images)), [stored]);
  const result = save.state === "idle" ? save.data : undefined;
  const errorOf = (id: string): string | undefined => {
    const key: AltErrorKey | undefined = result && !result.ok ? result.fieldErrors[id] : undefined;
    return key ? t(lang, key) : undefined;
  };
  const formError = errorOf("form");

  return (
    <Card>
      <save.Form method="post">
        <input type="hidden" name="intent" value="alts" />
        <BlockStack gap="400">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              {t(lang, "product.altTitle")}
            </Text>
            <Text as="p" tone="subdued">
              {t(lang, "product.altHelp")}
            </Text>
          </BlockStack>
          {result?.ok && result.changed > 0 ? (
            <Banner tone="success" title={t(lang, "product.altSaved", { count: result.changed })} />
          ) : null}
          {result && !result.ok && (result.storeErrors?.length || formError) ? (
            <StoreErrorsBanner
              title={t(lang, "product.altTitleError")}
              messages={[...(formError ? [formError] : []), ...(result.storeErrors ?? [])]}
            />
          ) : null}
          {images.length === 0 ? (
            <Text as="p" tone="subdued">
              {t(lang, "product.altNone")}
            </Text>
          ) : (
            images.map((image, index) => {
              const suggestion = suggestions?.altTexts[image.id];
              return (
                <InlineStack key={image.id} gap="300" blockAlign="start" wrap={false}>
                  {image.url ? (
                    <Thumbnail
                      source={image.url}
                      alt={alts[image.id] || `${productTitle} (${index + 1})`}
                      size="small"
                    />
                  ) : (
                    <Box
                      minWidth="40px"
                      minHeight="40px"
                      background="bg-surface-secondary"
                      borderRadius="100"
                    />
                  )}
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <BlockStack gap="200">
                      <TextField
                        label={t(lang, "product.altLabel", { n: index + 1 })}
                        name={`alt:${image.id}`}
                        value={alts[image.id] ?? ""}
                        onChange={(value) => setAlts((a) => ({ ...a, [image.id]: value }))}
                        autoComplete="off"
                        maxLength={512}
                        showCharacterCount
                        error={errorOf(image.id)}
                      />
                      {suggestion && suggestions ? (
                        <SuggestionBox
                          lang={lang}
                          provider={suggestions.provider}
                          text={suggestion}
                          onUse={(text) => setAlts((a) => ({ ...a, [image.id]: text }))}
                        />
                      ) : null}
                    </BlockStack>
                  </div>
                </InlineStack>
              );
            })
          )}
          {images.length > 0 ? (
            <InlineStack align="end" gap="200">
              <Button
                loading={suggest.state !== "idle"}
                onClick={() => suggest.submit({ intent: "suggest" }, { method: "post" })}
              >
                {t(lang, "product.suggest")}
              </Button>
              <Button submit variant="primary" loading={save.state !== "idle"}>
                {t(lang, "product.altSave")}
              </Button>
            </InlineStack>
          ) : null}
        </BlockStack>
      </save.Form>
    </Card>
  );
}

function altsOf(images: ProductImage[]): Record<string, string> {
  return Object.fromEntries(images.map((i) => [i.id, i.alt]));
}
