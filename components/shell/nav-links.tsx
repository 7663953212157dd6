"use client";

import clsx from "clsx";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";

export const NAV_ITEMS = [
  { href: "/generate", label: "generate" },
  { href: "/edit", label: "edit" },
  { href: "/video", label: "video" },
  { href: "/gallery", label: "gallery" },
  { href: "/usage", label: "usage" },
  // "API" keeps the header on one line; the page itself is titled "API tokens".
  { href: "/tokens", label: "api" },
] as const;

const ADMIN_ITEM = { href: "/admin", label: "admin" } as const;

export function NavLinks({ layout, isAdmin = false }: { layout: "bar" | "tabs"; isAdmin?: boolean }) {
  const t = useTranslations("shell.nav");
  const pathname = usePathname();
  const items = isAdmin ? [...NAV_ITEMS, ADMIN_ITEM] : NAV_ITEMS;
  return (
    <ul className={clsx("flex", layout === "bar" ? "gap-1" : "w-full justify-between")}>
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href} className={layout === "tabs" ? "flex-1" : undefined}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={clsx(
                "block rounded-md text-sm font-medium transition-colors",
                layout === "bar" ? "px-3 py-2" : "px-1 py-2.5 text-center",
                active
                  ? "bg-accent-50 text-accent-700 dark:bg-accent-700/20 dark:text-accent-400"
                  : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
              )}
            >
              {t(item.label)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
