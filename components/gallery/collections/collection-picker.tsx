"use client";

import { FolderPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage, toErrorLike } from "@/components/studio/error-message";
import type { GenerationView } from "@/lib/generations/view";
import { CollectionNameDialog } from "./collection-name-dialog";
import { useCollectionItems, useCollections, useCreateCollection } from "./use-collections";

/** The detail view's "Collections": a checkbox per collection, and a new one in place. */
export function CollectionPicker({ generation: g }: { generation: GenerationView }) {
  const t = useTranslations("collections");
  const collections = useCollections();
  const items = useCollectionItems();
  const create = useCreateCollection();
  const [creating, setCreating] = useState(false);
  // What the person just ticked shows at once; the server's answer then agrees (or, on a
  // failure, the box goes back). Starts over for each item shown.
  const [ticked, setTicked] = useState<{ id: string; boxes: Record<string, boolean> }>({ id: g.id, boxes: {} });
  const boxes = ticked.id === g.id ? ticked.boxes : {};
  const list = collections.data ?? [];

  return (
    <fieldset className="min-w-0">
      <legend className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{t("label")}</legend>
      {list.length > 0 ? (
        <ul className="mt-2 flex flex-col gap-1">
          {list.map((c) => {
            const checked = boxes[c.id] ?? g.collectionIds.includes(c.id);
            return (
              <li key={c.id}>
                <label className="flex cursor-pointer items-center gap-2.5 rounded-md px-1 py-1 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/60">
                  <input
                    type="checkbox"
                    checked={checked}
                    // Not `disabled` while a save is in flight: disabling the box that has
                    // focus drops focus to the page, and a keyboard user would start over.
                    aria-disabled={items.isPending || undefined}
                    onChange={() => {
                      if (items.isPending) return;
                      setTicked({ id: g.id, boxes: { ...boxes, [c.id]: !checked } });
                      items.mutate(
                        { collectionId: c.id, ids: [g.id], op: checked ? "remove" : "add" },
                        { onError: () => setTicked((t) => ({ ...t, boxes: Object.fromEntries(Object.entries(t.boxes).filter(([k]) => k !== c.id)) })) },
                      );
                    }}
                    className="h-4 w-4 accent-accent-600 aria-disabled:opacity-60"
                  />
                  <span className="min-w-0 flex-1 truncate">{c.name}</span>
                </label>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-1.5 text-sm text-zinc-500 dark:text-zinc-400">{t("pickerEmpty")}</p>
      )}
      {items.error ? (
        <div className="mt-2">
          <ErrorMessage error={toErrorLike(items.error)} />
        </div>
      ) : null}
      <button
        type="button"
        onClick={() => setCreating(true)}
        className="mt-2 inline-flex items-center gap-1.5 rounded px-1 py-0.5 text-sm font-medium text-accent-700 hover:bg-accent-50 dark:text-accent-400 dark:hover:bg-accent-700/20"
      >
        <FolderPlus aria-hidden size={15} />
        {t("newEllipsis")}
      </button>
      {creating ? (
        <CollectionNameDialog
          title={t("new")}
          submitLabel={t("createAndAdd")}
          pending={create.isPending || items.isPending}
          error={create.error}
          onCancel={() => {
            create.reset();
            setCreating(false);
          }}
          onSubmit={(name) =>
            create.mutate(name, {
              onSuccess: (c) => items.mutate({ collectionId: c.id, ids: [g.id], op: "add" }, { onSettled: () => setCreating(false) }),
            })
          }
        />
      ) : null}
    </fieldset>
  );
}
