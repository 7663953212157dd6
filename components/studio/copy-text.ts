"use client";

import { toast } from "sonner";

/**
 * Copies `text` and says so in a toast, or, when the browser refuses (no clipboard on an
 * insecure origin, permission denied), says how to copy it by hand. `what` names the thing
 * copied ("Prompt", "Token"); copying again replaces the toast instead of stacking them.
 */
export async function copyText(text: string, what: string): Promise<boolean> {
  const id = `copy-${what}`;
  try {
    if (!navigator.clipboard) throw new Error("The clipboard isn't available here.");
    await navigator.clipboard.writeText(text);
    toast.success(`${what} copied`, { id, duration: 2000 });
    return true;
  } catch {
    toast.error(`Couldn't copy the ${what.toLowerCase()}`, { id, description: "Your browser refused. Select it and copy it instead." });
    return false;
  }
}
