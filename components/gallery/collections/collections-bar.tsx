"use client";

import clsx from "clsx";
import { FolderPlus, Link2, Pencil, Star, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import { ErrorMessage, toErrorLike } from "@/components/studio/error-message";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { CollectionView } from "@/lib/collections/view";
import { CollectionNameDialog } from "./collection-name-dialog";
import { useCollections, useCreateCollection, useDeleteCollection, useRenameCollection } from "./use-collections";

interface Selection {
  favorite?: boolean;
  collection?: string;
}

function Chip({ pressed, onClick, children, label }: { pressed: boolean; onClick: () => void; children: ReactNode; label?: string }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      aria-label={label}
      onClick={onClick}
      className={clsx(
        "inline-flex h-8 shrink-0 items-center gap-1.5 rounded-full border px-3 text-sm font-medium whitespace-nowrap transition-colors",
        pressed
          ? "border-accent-600 bg-accent-600 text-white"
          : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800",
      )}
    >
      {children}
    </button>
  );
}

const tool =
  "inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium whitespace-nowrap text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

type Editing = { mode: "create" } | { mode: "rename"; collection: CollectionView } | null;

/**
 * Favorites and the user's collections as filter chips above the gallery, with the
 * collection tools (new, rename, delete) next to them. The choice lives in the URL.
 */
export function CollectionsBar({ selection, onChange }: { selection: Selection; onChange: (changes: { favorite?: string | null; collection?: string | null }) => void }) {
  const t = useTranslations("collections");
  const collections = useCollections();
  const create = useCreateCollection();
  const rename = useRenameCollection();
  const remove = useDeleteCollection();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<CollectionView | null>(null);
  const list = collections.data ?? [];
  const active = list.find((c) => c.id === selection.collection);

  // A collection in the URL that isn't (or is no longer) one of ours: show everything instead.
  const stale = Boolean(selection.collection && collections.isSuccess && !active);
  useEffect(() => {
    if (stale) onChange({ collection: null });
  }, [stale, onChange]);

  return (
    <div className="mb-4 flex flex-wrap items-center gap-2">
      <div role="group" aria-label={t("label")} className="-mx-1 flex w-full min-w-0 gap-2 overflow-x-auto px-1 py-0.5 sm:w-auto sm:flex-1">
        <Chip pressed={!selection.favorite && !selection.collection} onClick={() => onChange({ favorite: null, collection: null })}>
          {t("all")}
        </Chip>
        <Chip pressed={Boolean(selection.favorite)} onClick={() => onChange({ favorite: selection.favorite ? null : "1" })}>
          <Star aria-hidden size={14} fill={selection.favorite ? "currentColor" : "none"} />
          {t("favorites")}
        </Chip>
        {list.map((c) => (
          <Chip key={c.id} pressed={c.id === selection.collection} onClick={() => onChange({ collection: c.id === selection.collection ? null : c.id })} label={t("chipLabel", { name: c.name, count: c.itemCount })}>
            {c.name}
            <span aria-hidden className="tabular-nums opacity-70">
              {c.itemCount}
            </span>
          </Chip>
        ))}
      </div>
      <div className="ml-auto flex shrink-0 gap-1">
        {active ? (
          <>
            <button type="button" className={tool} onClick={() => setEditing({ mode: "rename", collection: active })} aria-label={t("renameLabel", { name: active.name })}>
              <Pencil aria-hidden size={15} />
              <span className="hidden sm:inline">{t("rename")}</span>
            </button>
            <button type="button" className={tool} onClick={() => setDeleting(active)} aria-label={t("deleteLabel", { name: active.name })}>
              <Trash2 aria-hidden size={15} />
              <span className="hidden sm:inline">{t("delete")}</span>
            </button>
          </>
        ) : null}
        <Link href="/shared" className={tool}>
          <Link2 aria-hidden size={15} />
          {t("sharedLinks")}
        </Link>
        <button type="button" className={tool} onClick={() => setEditing({ mode: "create" })}>
          <FolderPlus aria-hidden size={15} />
          {t("new")}
        </button>
      </div>

      {editing ? (
        <CollectionNameDialog
          title={editing.mode === "create" ? t("new") : t("renameTitle")}
          submitLabel={editing.mode === "create" ? t("create") : t("rename")}
          initial={editing.mode === "rename" ? editing.collection.name : ""}
          pending={create.isPending || rename.isPending}
          error={editing.mode === "create" ? create.error : rename.error}
          onCancel={() => {
            create.reset();
            rename.reset();
            setEditing(null);
          }}
          onSubmit={(name) => {
            const done = () => setEditing(null);
            if (editing.mode === "create") create.mutate(name, { onSuccess: (c) => (done(), onChange({ collection: c.id })) });
            else rename.mutate({ id: editing.collection.id, name }, { onSuccess: done });
          }}
        />
      ) : null}

      <ConfirmDialog
        open={deleting !== null}
        title={t("deleteTitle", { name: deleting?.name ?? "" })}
        confirmLabel={t("deleteConfirm")}
        pendingLabel={t("deleting")}
        pending={remove.isPending}
        error={remove.error ? <ErrorMessage error={toErrorLike(remove.error)} /> : undefined}
        onCancel={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              onChange({ collection: null });
            },
          });
        }}
      >
        <p>{t("deleteBody", { count: deleting?.itemCount ?? 0 })}</p>
      </ConfirmDialog>
    </div>
  );
}
