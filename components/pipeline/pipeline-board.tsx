"use client";

import { Inbox } from "lucide-react";
import { useCallback, useState } from "react";
import { toast } from "@/components/ui/toast";
import type { Board, BoardCard, BoardColumn, ClosedSummary, MoneyTotal } from "@/lib/server/pipeline/board";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { cn, formatMoney } from "@/lib/utils";
import { BoardDndProvider, DraggableCard, DropZone } from "./board-dnd";
import type { StageOption } from "./card-menu";
import { applyMove, BoardMoveContext } from "./board-state";
import { BoardIconSprite } from "./board-icons";
import { DealCard } from "./deal-card";

/** Totals per currency, joined: a board mixing currencies must not add euros to dollars. */
function formatTotals(totals: MoneyTotal[]): string {
  return totals.length === 0 ? formatMoney(0) : totals.map((t) => formatMoney(t.amount, t.currency)).join(" + ");
}

/** Fetches the next page of a column's cards, in the board's order (the URL's owner and order filters). */
function useLoadMore(column: BoardColumn, query: string, onLoaded: (stageId: string, cards: BoardCard[]) => void) {
  const [loading, setLoading] = useState(false);
  async function loadMore() {
    setLoading(true);
    try {
      const params = new URLSearchParams(query);
      params.set("stage", column.stageId);
      params.set("offset", String(column.cards.length));
      const response = await fetch(`/api/pipeline/column?${params.toString()}`);
      if (!response.ok) throw new Error(String(response.status));
      const { cards } = (await response.json()) as { cards: BoardCard[] };
      onLoaded(column.stageId, cards);
    } catch {
      toast.error("Could not load more deals. Please try again.");
    } finally {
      setLoading(false);
    }
  }
  return { loadMore, loading };
}

function Column({
  column,
  stages,
  canOverride,
  query,
  onLoaded,
}: {
  column: BoardColumn;
  stages: StageOption[];
  canOverride: boolean;
  query: string;
  onLoaded: (stageId: string, cards: BoardCard[]) => void;
}) {
  const headingId = `column-${column.stageId}-heading`;
  const { loadMore, loading } = useLoadMore(column, query, onLoaded);
  const hidden = column.count - column.cards.length;
  return (
    <DropZone
      stageId={column.stageId}
      label={column.label}
      aria-labelledby={headingId}
      data-testid={`column-${column.stageId}`}
      className="flex max-h-full min-w-44 flex-1 basis-0 flex-col rounded-lg bg-slate-100/80 ring-1 ring-slate-200"
      activeClassName="bg-indigo-50 ring-2 ring-indigo-400"
    >
      <header className="shrink-0 border-b border-slate-200 px-2.5 py-2">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id={headingId} className="text-sm font-semibold text-slate-900">
            {column.label}
          </h2>
          <span className="text-xs text-slate-600">{Math.round(column.probability * 100)}%</span>
        </div>
        <p className="mt-0.5 text-xs text-slate-600" data-testid="column-totals">
          <span data-testid="column-count">{column.count.toLocaleString("en-US")}</span> deal{column.count === 1 ? "" : "s"} ·{" "}
          <span className="font-medium tabular-nums text-slate-800" data-testid="column-amount">
            {formatTotals(column.totals)}
          </span>
        </p>
      </header>
      {column.cards.length === 0 ? (
        <p className="flex items-center justify-center gap-1.5 px-3 py-8 text-xs text-slate-600">
          <Inbox className="size-4" aria-hidden />
          No deals
        </p>
      ) : (
        // The column scrolls inside the board, so every stage stays in view however many deals it holds.
        <ul className="min-h-0 flex-1 space-y-1.5 overflow-x-hidden overflow-y-auto p-1.5" aria-label={`${column.label} deals`}>
          {column.cards.map((card) => (
            <DraggableCard key={card.id} opportunityId={card.id} stageId={card.stageId} name={card.name} enabled={card.canMove}>
              {(handle) => <DealCard card={card} stages={stages} canOverride={canOverride} handle={handle} />}
            </DraggableCard>
          ))}
          {hidden > 0 && (
            <li>
              <button
                type="button"
                onClick={() => void loadMore()}
                disabled={loading}
                className="w-full rounded-md bg-white px-3 py-1.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-50"
                data-testid="load-more"
              >
                {loading ? "Loading…" : `Show more (${hidden} not shown)`}
              </button>
            </li>
          )}
        </ul>
      )}
    </DropZone>
  );
}

function ClosedColumn({ closed }: { closed: ClosedSummary[] }) {
  return (
    <div className="flex w-36 shrink-0 flex-col gap-2" data-testid="closed-summary">
      {closed.map((s) => (
        <DropZone
          key={s.stageId}
          stageId={s.stageId}
          label={s.label}
          aria-labelledby={`closed-${s.stageId}-heading`}
          data-testid={`closed-${s.stageId}`}
          className={cn("rounded-lg px-3 py-2.5 ring-1", s.kind === "won" ? "bg-emerald-50 ring-emerald-200" : "bg-slate-50 ring-slate-200")}
          activeClassName="ring-2 ring-indigo-400"
        >
          <h2 id={`closed-${s.stageId}-heading`} className={cn("text-sm font-semibold", s.kind === "won" ? "text-emerald-800" : "text-slate-700")}>
            {s.label}
          </h2>
          <p className="mt-0.5 text-xs text-slate-600">
            {s.count.toLocaleString("en-US")} deal{s.count === 1 ? "" : "s"} ·{" "}
            <span className="font-medium tabular-nums">{formatTotals(s.totals)}</span>
          </p>
        </DropZone>
      ))}
    </div>
  );
}

/**
 * Columns by open stage, then closed stages summarised, all in view at 1440 px (each column scrolls inside
 * the board; narrower screens scroll the board sideways). Each column
 * shows the top of its deals and loads more on demand; a move updates the moved card in place from the
 * action's answer instead of reloading the board.
 */
export function PipelineBoard({ board, query }: { board: Board; query: string }) {
  const stages = board.stages.map((s) => ({ id: s.id, label: s.label }));
  const [state, setState] = useState({ columns: board.columns, closed: board.closed });
  const [loaded, setLoaded] = useState(board);
  // A new board from the server (filters changed, or a refresh) replaces the local one.
  if (loaded !== board) {
    setLoaded(board);
    setState({ columns: board.columns, closed: board.closed });
  }
  const onMoved = useCallback((card: BoardCard, fromStageId: string) => setState((s) => applyMove(s.columns, s.closed, card, fromStageId)), []);
  const onLoaded = useCallback(
    (stageId: string, cards: BoardCard[]) =>
      setState((s) => ({
        ...s,
        columns: s.columns.map((c) =>
          c.stageId === stageId ? { ...c, cards: [...c.cards, ...cards.filter((x) => !c.cards.some((y) => y.id === x.id))] } : c,
        ),
      })),
    [],
  );
  return (
    <BoardMoveContext value={onMoved}>
      <BoardDndProvider>
        <BoardIconSprite />
        <ScrollRegion label="Pipeline board" className="-mx-4 px-4 pb-2 sm:-mx-6 sm:px-6 lg:-mx-8 lg:px-8" data-testid="pipeline-board">
          <div className="flex h-[calc(100vh-11rem)] min-h-96 items-stretch gap-2">
            {state.columns.map((column) => (
              <Column key={column.stageId} column={column} stages={stages} canOverride={board.canOverride} query={query} onLoaded={onLoaded} />
            ))}
            <ClosedColumn closed={state.closed} />
          </div>
        </ScrollRegion>
      </BoardDndProvider>
    </BoardMoveContext>
  );
}
