/**
 * The usage API's shapes, as the browser sees them. Credits are plain numbers (not
 * millicredits); dates are ISO strings. Built by lib/usage from ledger rows.
 */
export type PeriodKindView = "month" | "week" | "day";
export type UsageKind = "image" | "edit" | "video";

export interface SpendView {
  settled: number;
  held: number;
}

export interface BudgetView extends SpendView {
  period: PeriodKindView;
  periodStart: string;
  /** When the allowance resets (the next period's start). */
  resetsAt: string;
  /** Null: unlimited. */
  allowance: number | null;
  /** True when an admin set this user's allowance; false when it is the default. */
  custom: boolean;
  /** Null when unlimited. */
  remaining: number | null;
}

export interface UsageSummaryView {
  budget: BudgetView;
  today: SpendView;
  month: SpendView;
}

export interface DailyUsageView {
  /** Every UTC day of the range, oldest first (YYYY-MM-DD), including days with no spend. */
  days: string[];
  rows: { day: string; kind: UsageKind; model: string; settled: number; held: number }[];
}

export interface LedgerEntryView {
  id: string;
  createdAt: string;
  settledAt: string | null;
  kind: UsageKind;
  model: string;
  credits: number;
  status: "held" | "settled" | "released";
  source: "estimate" | "reported";
  /** Null once the generation was deleted (its spend stays on the ledger). */
  generationId: string | null;
}

export interface LedgerPageView {
  items: LedgerEntryView[];
  nextCursor: string | null;
}

export interface AdminUserView {
  id: string;
  email: string;
  name: string | null;
  role: "user" | "admin";
  disabled: boolean;
  createdAt: string;
  /** The allowance in force: the user's own, or the default. Null: unlimited. */
  allowance: number | null;
  custom: boolean;
  spent: SpendView;
}

export interface AdminUsersView {
  users: AdminUserView[];
  currentUserId: string;
  period: PeriodKindView;
  periodStart: string;
  resetsAt: string;
  /** DEFAULT_ALLOWANCE_CREDITS; null: unlimited. */
  defaultAllowance: number | null;
}

/** Rows per ledger page on the Usage page (the server's first page and the client's next ones). */
export const LEDGER_PAGE_SIZE = 25;
/** Days in the Usage chart. */
export const CHART_DAYS = 30;
