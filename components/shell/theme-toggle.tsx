"use client";

import { MonitorIcon, MoonIcon, SunIcon, type LucideIcon } from "lucide-react";
import { IconButton } from "@/components/ui/icon-button";
import type { ThemeChoice } from "./theme";
import { applyTheme, useThemeChoice } from "./use-theme";

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<ThemeChoice, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };
const ICON: Record<ThemeChoice, LucideIcon> = { system: MonitorIcon, light: SunIcon, dark: MoonIcon };

export function ThemeToggle() {
  const choice = useThemeChoice();
  const next = NEXT[choice];
  const Icon = ICON[choice];
  return (
    <IconButton label={`${LABEL[choice]} (switch to ${LABEL[next].toLowerCase()})`} tooltip={LABEL[choice]} size="lg" onClick={() => applyTheme(next)}>
      <Icon size={18} aria-hidden />
    </IconButton>
  );
}
