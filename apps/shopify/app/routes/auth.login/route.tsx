import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  AppProvider as PolarisAppProvider,
  Button,
  Card,
  FormLayout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { useState } from "react";
import { languageFromRequest } from "~/i18n/language.server.js";
import { polarisTranslations } from "~/i18n/polaris.server.js";
import { t } from "~/i18n/t.js";
import { login } from "~/shopify.server.js";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

function errorKey(error: string | undefined) {
  if (error === "MISSING_SHOP") return "login.errorMissingShop" as const;
  if (error === "INVALID_SHOP") return "login.errorInvalidShop" as const;
  return undefined;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const lang = languageFromRequest(request);
  const errors = await login(request);
  return { lang, polaris: polarisTranslations(lang), error: errorKey(errors.shop) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const errors = await login(request);
  return { error: errorKey(errors.shop) };
};

export default function Auth() {
  const { lang, polaris, error: loaderError } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const error = actionData?.error ?? loaderError;
  return (
    <PolarisAppProvider i18n={polaris}>
      <Page>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h1">
                {t(lang, "login.title")}
              </Text>
              <TextField
                type="text"
                name="shop"
                label={t(lang, "login.shopLabel")}
                helpText={t(lang, "login.shopHelp")}
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={error ? t(lang, error) : undefined}
              />
              <Button submit>{t(lang, "login.submit")}</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </PolarisAppProvider>
  );
}
