/** Credit amounts as people read them. Safe in the browser (no server imports). */
const formatter = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** 2.5 → "2.5 credits", 1 → "1 credit", 1500 → "1,500 credits". */
export function formatCredits(credits: number): string {
  return `${formatter.format(credits)} ${Math.abs(credits) === 1 ? "credit" : "credits"}`;
}

/** Just the number: "1,500", "2.5". */
export function formatCreditNumber(credits: number): string {
  return formatter.format(credits);
}

export const milliToCredits = (milli: number): number => milli / 1000;

export function periodNoun(kind: "month" | "week" | "day"): string {
  return kind === "month" ? "this month" : kind === "week" ? "this week" : "today";
}

/** "42 seconds", "a second", "about 3 minutes". */
export function formatWait(seconds: number): string {
  if (seconds <= 1) return "a second";
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  return `about ${Math.ceil(seconds / 60)} minutes`;
}
