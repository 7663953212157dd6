import { insufficientCredits } from "./errors";

export interface AccountView {
  key: string;
  balance: number;
  /** Credits held by async tasks still running; they settle (or release) on completion. */
  reserved: number;
  available: number;
}

interface Account {
  balance: number;
  reserved: number;
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * Credit balances per API key, created on first use with the default balance.
 *
 * Async tasks are debited on completion (the docs: "credits deducted after the task
 * completes") but refused at submit when the balance can't cover them. Holding the
 * estimate while a task runs keeps those two rules consistent under concurrency:
 * ten tasks submitted against a balance that covers one can't all pass the check and
 * then drive the balance negative.
 */
export class Accounts {
  private readonly accounts = new Map<string, Account>();

  constructor(private readonly defaultBalance: number) {}

  private get(key: string): Account {
    let account = this.accounts.get(key);
    if (!account) {
      account = { balance: this.defaultBalance, reserved: 0 };
      this.accounts.set(key, account);
    }
    return account;
  }

  view(key: string): AccountView {
    const a = this.get(key);
    return { key, balance: round(a.balance), reserved: round(a.reserved), available: round(a.balance - a.reserved) };
  }

  setBalance(key: string, balance: number): AccountView {
    this.get(key).balance = balance;
    return this.view(key);
  }

  /** Throws 402 unless `amount` is available; produces nothing otherwise. */
  ensureAvailable(key: string, amount: number): void {
    const a = this.get(key);
    const available = round(a.balance - a.reserved);
    if (available < amount) {
      throw insufficientCredits(`Insufficient credits: this request costs ${amount} credits and ${available} are available.`);
    }
  }

  /** Sync requests: check and debit in one step. */
  debit(key: string, amount: number): void {
    this.ensureAvailable(key, amount);
    this.get(key).balance = round(this.get(key).balance - amount);
  }

  reserve(key: string, amount: number): void {
    this.ensureAvailable(key, amount);
    this.get(key).reserved = round(this.get(key).reserved + amount);
  }

  /** A task finished: turn its hold into a debit. */
  settle(key: string, amount: number): void {
    const a = this.get(key);
    a.reserved = round(Math.max(0, a.reserved - amount));
    a.balance = round(a.balance - amount);
  }

  release(key: string, amount: number): void {
    const a = this.get(key);
    a.reserved = round(Math.max(0, a.reserved - amount));
  }

  clear(): void {
    this.accounts.clear();
  }
}
