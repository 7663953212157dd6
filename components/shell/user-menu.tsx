"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { BarChart3Icon, LogOutIcon } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";

const item =
  "flex w-full cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm outline-none select-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";

/**
 * The account menu: a real menu (Radix DropdownMenu: arrow keys, typeahead, Escape, focus
 * returns to the button) with who is signed in, their usage, and Sign out.
 */
export function UserMenu({ email, name }: { email: string; name: string | null }) {
  const initial = (name || email).charAt(0).toUpperCase();
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label="Account menu"
        className="flex h-9 w-9 items-center justify-center rounded-full bg-accent-600 text-sm font-semibold text-white hover:bg-accent-700"
      >
        {initial}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={8}
          aria-label="Account"
          className="z-30 w-64 rounded-lg border border-zinc-200 bg-white p-2 text-zinc-900 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <DropdownMenu.Label className="px-2 py-1.5">
            {name ? <span className="block truncate text-sm font-medium">{name}</span> : null}
            <span className="block truncate text-sm text-zinc-500 dark:text-zinc-400" data-testid="user-email">
              {email}
            </span>
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <DropdownMenu.Item asChild className={item}>
            <Link href="/usage">
              <BarChart3Icon size={16} aria-hidden className="text-zinc-500" />
              Usage and credits
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={item} onSelect={() => void signOut({ callbackUrl: "/sign-in" })}>
            <LogOutIcon size={16} aria-hidden className="text-zinc-500" />
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
