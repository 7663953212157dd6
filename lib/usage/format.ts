/** Usage wording. Safe in the browser (no server imports); numbers come from lib/format. */
export { formatCreditNumber, formatCredits, formatWait } from "@/lib/format";

export const milliToCredits = (milli: number): number => milli / 1000;

export function periodNoun(kind: "month" | "week" | "day"): string {
  return kind === "month" ? "this month" : kind === "week" ? "this week" : "today";
}
