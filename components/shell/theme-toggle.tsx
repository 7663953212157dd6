"use client";

import { MonitorIcon, MoonIcon, SunIcon, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { IconButton } from "@/components/ui/icon-button";
import type { ThemeChoice } from "./theme";
import { applyTheme, useThemeChoice } from "./use-theme";

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: "light", light: "dark", dark: "system" };
const ICON: Record<ThemeChoice, LucideIcon> = { system: MonitorIcon, light: SunIcon, dark: MoonIcon };

export function ThemeToggle() {
  const t = useTranslations("shell.theme");
  const choice = useThemeChoice();
  const next = NEXT[choice];
  const Icon = ICON[choice];
  return (
    <IconButton label={t("toggle", { current: t(choice), next: t(next).toLowerCase() })} tooltip={t(choice)} size="lg" onClick={() => applyTheme(next)}>
      <Icon size={18} aria-hidden />
    </IconButton>
  );
}
