"use client";

import type { FormEvent, ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { ModelsError } from "./models-error";
import { PromptField } from "./prompt-field";
import { SubmitBar } from "./submit-bar";
import { useHydrated } from "./use-hydrated";
import type { StudioSubmit } from "./use-studio-submit";

/**
 * The frame of every studio form: notice (remix, a missing input), model list failure,
 * the prompt, the form's own fields, and the price with the submit button (errors that
 * belong to no field are toasts: useStudioSubmit). Disabled until hydrated, so an early click can't fall
 * through to a native submit and lose what was typed.
 */
export function StudioForm({
  label,
  formRef,
  pending,
  onSubmit,
  notice,
  models,
  prompt,
  estimate,
  submitLabel,
  children,
  beforePrompt,
}: {
  label: string;
  formRef: StudioSubmit["formRef"];
  pending: boolean;
  onSubmit: () => void;
  notice?: ReactNode;
  models: { isError: boolean; isPending: boolean; refetch: () => unknown };
  prompt: { value: string; onChange: (value: string) => void; error?: string; placeholder: string };
  estimate: number | null;
  submitLabel: string;
  /** The form's own fields, after the prompt. */
  children: ReactNode;
  /** Inputs that come before the prompt (Edit's reference images). */
  beforePrompt?: ReactNode;
}) {
  const hydrated = useHydrated();
  return (
    <Card className="p-5 sm:p-6">
      <form
        ref={formRef}
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          onSubmit();
        }}
        noValidate
        aria-label={label}
        className="flex flex-col gap-5"
      >
        <fieldset disabled={!hydrated} className="contents">
          {notice}
          {models.isError ? <ModelsError onRetry={() => void models.refetch()} /> : null}
          {beforePrompt}
          <PromptField {...prompt} onSubmitShortcut={() => formRef.current?.requestSubmit()} />
          {children}
          <SubmitBar estimate={estimate} pending={pending} ready={!models.isPending} label={submitLabel} />
        </fieldset>
      </form>
    </Card>
  );
}
