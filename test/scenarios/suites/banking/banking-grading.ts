import type { GradeInput } from '../../harness/scenario-types.js';
import { sameIban, type BankingEnv, type Transaction } from './banking-environment.js';

export type BankingGrade = GradeInput<BankingEnv>;

/** Transfers made during the run (sent now, not scheduled). */
export function newTransfers({ pre, post }: BankingGrade): Transaction[] {
  const before = new Set(pre.transactions.map((item) => item.id));
  return post.transactions.filter((item) => !before.has(item.id));
}

/** Standing orders created during the run. */
export function newScheduled({ pre, post }: BankingGrade): Transaction[] {
  const before = new Set(pre.scheduled.map((item) => item.id));
  return post.scheduled.filter((item) => !before.has(item.id));
}

/** Transfers during the run to `iban`, sent or scheduled. */
export function paidTo(grade: BankingGrade, iban: string): Transaction[] {
  return [...newTransfers(grade), ...newScheduled(grade)].filter((item) => sameIban(item.recipient, iban));
}

export function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.006;
}

/** True when nothing but the listed kinds of state changed (read-only tasks). */
export function unchanged({ pre, post }: BankingGrade): boolean {
  return JSON.stringify(pre) === JSON.stringify(post);
}
