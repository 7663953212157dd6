"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ErrorMessage, toErrorLike } from "@/components/studio/error-message";
import { useServerText } from "@/components/studio/use-server-text";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { AppError } from "@/lib/errors";
import { collectionNameSchema, COLLECTION_NAME_MAX } from "@/lib/validation/collections";

/** Asks for a collection's name: for a new one, or to rename one. */
export function CollectionNameDialog({
  title,
  submitLabel,
  initial = "",
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  title: string;
  submitLabel: string;
  initial?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("collections");
  const tCommon = useTranslations("common");
  const { text } = useServerText();
  const titleId = useId();
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState<string | undefined>();
  // The server's word on the name (say, it is taken) shows at the field; anything else above the buttons.
  // Both speak English (the shared schema, the envelope): shown in the reader's language.
  const fieldMessage = problem ?? (error instanceof AppError ? error.fields?.name : undefined);
  const fieldError = fieldMessage ? text(fieldMessage, "invalid_request_error") : undefined;
  const otherError = error && !(error instanceof AppError && error.fields?.name) ? error : null;

  return (
    <Dialog open onClose={() => (pending ? undefined : onCancel())} labelledBy={titleId} className="m-auto w-[calc(100%-2rem)] max-w-sm">
      <form
        className="flex w-full flex-col gap-4 rounded-xl bg-white p-5 shadow-xl dark:bg-zinc-900"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = collectionNameSchema.safeParse(name);
          if (!parsed.success) {
            setProblem(parsed.error.issues[0]?.message);
            return;
          }
          setProblem(undefined);
          onSubmit(parsed.data);
        }}
      >
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <TextField label={t("name")} value={name} maxLength={COLLECTION_NAME_MAX} autoComplete="off" error={fieldError} onChange={(e) => {
            setName(e.target.value);
            setProblem(undefined);
          }} data-autofocus />
        {otherError ? <ErrorMessage error={toErrorLike(otherError)} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {tCommon("cancel")}
          </Button>
          <Button type="submit" disabled={pending}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
