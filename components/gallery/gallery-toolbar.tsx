"use client";

import { useTranslations } from "next-intl";
import clsx from "clsx";
import { SearchIcon } from "lucide-react";
import { useEffect, useId, useState, type ReactNode } from "react";
import { fieldClasses } from "@/components/ui/field-parts";
import { NativeSelect } from "@/components/ui/select-field";
import type { ModelView } from "@/lib/generations/view";
import { hasFilters, KIND_OPTIONS, SEARCH_MAX, STATUS_OPTIONS, type GalleryFilters } from "./gallery-filters";

/** Long enough to not search on every keystroke, short enough to feel live. */
const SEARCH_DEBOUNCE_MS = 300;

type Changes = { [K in keyof GalleryFilters]?: string | null };

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const t = useTranslations("gallery.toolbar");
  const id = useId();
  const [text, setText] = useState(value);
  // When the URL changes under us (Back, "Clear filters"), show what it says now. Typing
  // doesn't trip this: the box only changes from outside when the trimmed text differs.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (text.trim() !== value) setText(value);
  }

  useEffect(() => {
    const q = text.trim();
    if (q === value) return;
    const timer = setTimeout(() => onSearch(q), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <form
      role="search"
      className="relative min-w-0 flex-1 basis-full sm:basis-56"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t("search")}
      </label>
      <SearchIcon aria-hidden size={16} className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-zinc-500" />
      <input
        id={id}
        type="search"
        value={text}
        maxLength={SEARCH_MAX}
        placeholder={t("search")}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        className={`${fieldClasses(false)} h-10 w-full pl-9`}
      />
    </form>
  );
}

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="min-w-0 flex-1 sm:w-44 sm:flex-none">
      {/* The chosen option ("All models", "Done") says what it filters; the label is for screen readers. */}
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <NativeSelect id={id} value={value} onChange={(e) => onChange(e.target.value)} className={fieldClasses(false)}>
        {children}
      </NativeSelect>
    </div>
  );
}

function TypeSwitch({ value, onChange }: { value: string; onChange: (kind: string) => void }) {
  const t = useTranslations("gallery.toolbar");
  const name = useId();
  return (
    <fieldset className="min-w-0">
      <legend className="sr-only">{t("type")}</legend>
      <div className="flex rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800/70">
        {KIND_OPTIONS.map((o) => {
          const checked = value === o.value;
          return (
            <label
              key={o.value}
              className={clsx(
                "flex h-8 flex-1 cursor-pointer items-center justify-center rounded-md px-3 text-sm font-medium whitespace-nowrap select-none",
                "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-accent-500",
                checked
                  ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-zinc-50"
                  : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
              )}
            >
              <input type="radio" name={name} value={o.value} checked={checked} onChange={() => onChange(o.value)} className="sr-only" />
              {t(`kinds.${o.value || "all"}`)}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Type, model, status and prompt search; every choice is written to the URL. */
export function GalleryToolbar({
  filters,
  onChange,
  onClear,
  models,
}: {
  filters: GalleryFilters;
  onChange: (changes: Changes) => void;
  onClear: () => void;
  models: ModelView[];
}) {
  const t = useTranslations("gallery.toolbar");
  // A model named in the URL but not (or no longer) listed still shows as chosen.
  const modelIds = models.map((m) => m.id);
  if (filters.model && !modelIds.includes(filters.model)) modelIds.push(filters.model);

  return (
    <div className="mb-5">
      <div className="flex flex-wrap items-center gap-2 lg:flex-nowrap">
        <SearchBox value={filters.q ?? ""} onSearch={(q) => onChange({ q })} />
        <TypeSwitch value={filters.kind ?? ""} onChange={(kind) => onChange({ kind })} />
        <div className="flex w-full gap-2 sm:w-auto">
          <FilterSelect label={t("model")} value={filters.model ?? ""} onChange={(model) => onChange({ model })}>
            <option value="">{t("allModels")}</option>
            {modelIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label={t("status")} value={filters.status ?? ""} onChange={(status) => onChange({ status })}>
            {STATUS_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {t(`statuses.${o.value || "any"}`)}
              </option>
            ))}
          </FilterSelect>
        </div>
        {hasFilters(filters) ? (
          <button
            type="button"
            onClick={onClear}
            className="h-10 shrink-0 rounded-md px-2.5 text-sm font-medium whitespace-nowrap text-accent-700 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-accent-700/20"
          >
            {t("clear")}
          </button>
        ) : null}
      </div>
    </div>
  );
}
