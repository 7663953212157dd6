"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { BarChart3Icon, CheckIcon, KeyboardIcon, LogOutIcon } from "lucide-react";
import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { toast } from "sonner";
import { LOCALE_NAMES, LOCALES, parseLocale } from "@/lib/i18n/locales";
import { SHORTCUTS_EVENT } from "./shortcuts-dialog";
import { useChangeLanguage } from "./use-change-language";

const item =
  "flex w-full cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm outline-none select-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";

/**
 * The account menu: a real menu (Radix DropdownMenu: arrow keys, typeahead, Escape, focus
 * returns to the button) with who is signed in, their usage, the language (saved on the
 * account), the keyboard shortcuts, and Sign out.
 */
export function UserMenu({ email, name }: { email: string; name: string | null }) {
  const t = useTranslations("shell");
  const tl = useTranslations("language");
  const locale = useLocale();
  const { change } = useChangeLanguage({ signedIn: true });
  const initial = (name || email).charAt(0).toUpperCase();
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        id="account-menu-trigger"
        aria-label={t("accountMenu")}
        className="flex h-9 w-9 items-center justify-center rounded-full bg-accent-600 text-sm font-semibold text-white hover:bg-accent-700"
      >
        {initial}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={8}
          aria-label={t("account")}
          className="z-30 w-64 rounded-lg border border-zinc-200 bg-white p-2 text-zinc-900 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <DropdownMenu.Label className="px-2 py-1.5">
            {name ? <span className="block truncate text-sm font-medium">{name}</span> : null}
            <span className="block truncate text-sm text-zinc-600 dark:text-zinc-400" data-testid="user-email">
              {email}
            </span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <DropdownMenu.Item asChild className={item}>
            <Link href="/usage">
              <BarChart3Icon size={16} aria-hidden className="text-zinc-500" />
              {t("usageAndCredits")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={item} onSelect={() => window.dispatchEvent(new Event(SHORTCUTS_EVENT))}>
            <KeyboardIcon size={16} aria-hidden className="text-zinc-500" />
            {t("keyboardShortcuts")}
            <kbd aria-hidden className="ml-auto font-mono text-xs text-zinc-600 dark:text-zinc-400">
              ?
            </kbd>
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <DropdownMenu.Label className="px-2 pt-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">{tl("label")}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={locale}
            onValueChange={(value) => {
              const next = parseLocale(value);
              if (next && next !== locale) void change(next).then((ok) => ok || toast.error(tl("saveFailed")));
            }}
          >
            {LOCALES.map((l) => (
              <DropdownMenu.RadioItem key={l} value={l} lang={l} className={item}>
                <span className="flex w-4 justify-center" aria-hidden>
                  <DropdownMenu.ItemIndicator>
                    <CheckIcon size={14} />
                  </DropdownMenu.ItemIndicator>
                </span>
                {LOCALE_NAMES[l]}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <DropdownMenu.Item className={item} onSelect={() => void signOut({ callbackUrl: "/sign-in" })}>
            <LogOutIcon size={16} aria-hidden className="text-zinc-500" />
            {t("signOut")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
