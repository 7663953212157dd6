"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import type { ModelView } from "@/lib/generations/view";

function modelLabel(model: ModelView): string {
  return model.aliases.length ? `${model.id} (${model.aliases.join(", ")})` : model.id;
}

/**
 * The model picker every studio form starts with: says so while the list loads or when it
 * can't, and stays disabled until there is something to pick.
 */
export function ModelSelect({
  models,
  value,
  status,
  onChange,
  error,
  noneHint,
  withAliases = false,
}: {
  models: ModelView[];
  /** The model in effect (the chosen one, or the default). */
  value: string;
  status: "pending" | "error" | "success";
  onChange: (id: string) => void;
  error?: string;
  /** Said when the list came back empty. */
  noneHint: string;
  /** Image requests accept the documented aliases, so the options name them too. */
  withAliases?: boolean;
}) {
  const t = useTranslations("studio.params");
  return (
    <SelectField
      label={t("model")}
      name="model"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      disabled={status !== "success" || models.length === 0}
      error={error}
      hint={status === "success" && models.length === 0 ? noneHint : undefined}
    >
      {status === "pending" ? <option value="">{t("loadingModels")}</option> : null}
      {status === "error" ? <option value="">{t("modelsUnavailable")}</option> : null}
      {models.map((m) => (
        <option key={m.id} value={m.id}>
          {withAliases ? modelLabel(m) : m.id}
        </option>
      ))}
    </SelectField>
  );
}
