/** After a failed submit, move focus to the first field that needs attention. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  // Wait a frame: the error state renders after the submit handler returns.
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
