"use client";

import type { DraggableAttributes, DraggableSyntheticListeners } from "@dnd-kit/core";
import { createContext, use, useEffect, useRef, useState, type ReactNode } from "react";
import type * as BoardDnd from "./board-dnd";

/**
 * The board's drag and drop, loaded after the board: dnd-kit (`./board-dnd`) is fetched once the board has
 * rendered, so it is not part of the page's first-load JavaScript. Until it arrives the cards and columns render
 * as plain elements (the card menu moves deals already); then they become draggable and droppable.
 */
export type MoveHandler = (toStage: string) => void;

/** What a card spreads on its drag handle. */
export interface DragHandle {
  attributes: DraggableAttributes;
  listeners: DraggableSyntheticListeners;
}

export interface DraggableCardProps {
  opportunityId: string;
  stageId: string;
  name: string;
  enabled: boolean;
  className?: string;
  children: (handle: DragHandle | null) => ReactNode;
}

export interface DropZoneProps {
  stageId: string;
  label: string;
  className?: string;
  activeClassName?: string;
  children: ReactNode;
  "aria-labelledby"?: string;
  "data-testid"?: string;
}

type DndModule = typeof BoardDnd;

const MovesContext = createContext<Map<string, MoveHandler> | null>(null);
const LoadedDnd = createContext<DndModule | null>(null);

export function BoardDndProvider({ children }: { children: ReactNode }) {
  // One registry for the board's life: each card puts its move handler in it (see useDroppedMoves).
  const [moves] = useState(() => new Map<string, MoveHandler>());
  const [dnd, setDnd] = useState<DndModule | null>(null);
  useEffect(() => {
    let live = true;
    void import("./board-dnd").then((loaded) => {
      if (live) setDnd(loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return (
    <MovesContext value={moves}>
      <LoadedDnd value={dnd}>{dnd ? <dnd.DndBoard moves={moves}>{children}</dnd.DndBoard> : children}</LoadedDnd>
    </MovesContext>
  );
}

/** Lets a card receive the moves dropped for it. */
export function useDroppedMoves(opportunityId: string, handler: MoveHandler): void {
  const moves = use(MovesContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!moves) return;
    const run: MoveHandler = (toStage) => latest.current(toStage);
    moves.set(opportunityId, run);
    return () => {
      if (moves.get(opportunityId) === run) moves.delete(opportunityId);
    };
  }, [moves, opportunityId]);
}

export function DraggableCard(props: DraggableCardProps) {
  const dnd = use(LoadedDnd);
  if (dnd) return <dnd.DndDraggableCard {...props} />;
  return <li className={props.className}>{props.children(null)}</li>;
}

/** A column or closed-stage summary that accepts dropped cards (once drag and drop has loaded). */
export function DropZone(props: DropZoneProps) {
  const dnd = use(LoadedDnd);
  if (dnd) return <dnd.DndDropZone {...props} />;
  const { stageId, label: _label, activeClassName: _active, children, ...rest } = props;
  return (
    <section {...rest} data-stage-id={stageId}>
      {children}
    </section>
  );
}
