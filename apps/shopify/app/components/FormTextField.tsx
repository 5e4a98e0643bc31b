import { TextField, type TextFieldProps } from "@shopify/polaris";
import { useState } from "react";

/**
 * A Polaris TextField for plain `<Form method="post">` forms: it keeps its own value (Polaris'
 * field is controlled) starting from `defaultValue`, and posts it under `name`.
 */
export function FormTextField({
  defaultValue,
  ...props
}: Omit<TextFieldProps, "value" | "onChange"> & { defaultValue: string }) {
  const [value, setValue] = useState(defaultValue);
  return <TextField {...props} value={value} onChange={setValue} />;
}
