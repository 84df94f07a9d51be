"use client";

import { createContext, use } from "react";
import type { BoardCard, BoardColumn, ClosedSummary, MoneyTotal } from "@/lib/server/pipeline/board";

/** What a card tells the board after a move: the deal as it is now, and the column it left. */
export type MovedHandler = (card: BoardCard, fromStageId: string) => void;

export const BoardMoveContext = createContext<MovedHandler | null>(null);

export const useBoardMoved = () => use(BoardMoveContext);

const toCents = (amount: number) => Math.round(amount * 100);

/** Adds (or with a negative amount removes) money from per-currency totals, in cents so floats do not drift. */
function addMoney(totals: MoneyTotal[], currency: string, amount: number): MoneyTotal[] {
  const existing = totals.find((t) => t.currency === currency);
  if (!existing) return amount === 0 ? totals : [...totals, { currency, amount }];
  const next = (toCents(existing.amount) + toCents(amount)) / 100;
  return next === 0 ? totals.filter((t) => t !== existing) : totals.map((t) => (t === existing ? { currency, amount: next } : t));
}

/** The board after one deal moved: out of its old column, into the new one (or the closed summary). */
export function applyMove(columns: BoardColumn[], closed: ClosedSummary[], card: BoardCard, fromStageId: string) {
  const old = columns.find((c) => c.stageId === fromStageId)?.cards.find((c) => c.id === card.id);
  const amountBefore = old?.amount ?? card.amount;
  const nextColumns = columns.map((c) => {
    let column = c;
    if (c.stageId === fromStageId) {
      column = {
        ...column,
        count: column.count - 1,
        totals: addMoney(column.totals, old?.currency ?? card.currency, -amountBefore),
        cards: column.cards.filter((x) => x.id !== card.id),
      };
    }
    if (c.stageId === card.stageId) {
      column = { ...column, count: column.count + 1, totals: addMoney(column.totals, card.currency, card.amount), cards: [card, ...column.cards] };
    }
    return column;
  });
  const nextClosed = closed.map((s) =>
    s.stageId === card.stageId ? { ...s, count: s.count + 1, totals: addMoney(s.totals, card.currency, card.amount) } : s,
  );
  return { columns: nextColumns, closed: nextClosed };
}
