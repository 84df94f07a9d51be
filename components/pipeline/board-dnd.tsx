"use client";

import { createContext, use, useEffect, useRef, useState, type DragEvent, type ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * Drag and drop is a shortcut for the card's own buttons: a drop hands the move to the dragged card, which
 * runs the same gated action and shows the same blockers. Native drag events only, no library.
 */
type MoveHandler = (toStage: string) => void;

interface DndState {
  register: (opportunityId: string, handler: MoveHandler) => () => void;
  drop: (opportunityId: string, fromStage: string, toStage: string) => void;
}

const DndContext = createContext<DndState | null>(null);
const MIME = "application/x-winnow-deal";

export function BoardDndProvider({ children }: { children: ReactNode }) {
  const handlers = useRef(new Map<string, MoveHandler>());
  const [state] = useState<DndState>(() => ({
    register: (id, handler) => {
      handlers.current.set(id, handler);
      return () => {
        if (handlers.current.get(id) === handler) handlers.current.delete(id);
      };
    },
    drop: (id, fromStage, toStage) => {
      if (fromStage !== toStage) handlers.current.get(id)?.(toStage);
    },
  }));
  return <DndContext value={state}>{children}</DndContext>;
}

/** Lets a card receive the moves dropped for it. */
export function useDroppedMoves(opportunityId: string, handler: MoveHandler): void {
  const dnd = use(DndContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => dnd?.register(opportunityId, (toStage) => latest.current(toStage)), [dnd, opportunityId]);
}

export function DraggableCard({ opportunityId, stageId, enabled, className, children }: { opportunityId: string; stageId: string; enabled: boolean; className?: string; children: ReactNode }) {
  const [dragging, setDragging] = useState(false);
  return (
    <li
      draggable={enabled}
      onDragStart={(event) => {
        event.dataTransfer.setData(MIME, JSON.stringify({ id: opportunityId, stageId }));
        event.dataTransfer.effectAllowed = "move";
        setDragging(true);
      }}
      onDragEnd={() => setDragging(false)}
      className={cn(className, enabled && "cursor-grab", dragging && "opacity-50")}
    >
      {children}
    </li>
  );
}

function readDeal(event: DragEvent): { id: string; stageId: string } | null {
  try {
    const parsed = JSON.parse(event.dataTransfer.getData(MIME)) as { id?: unknown; stageId?: unknown };
    return typeof parsed.id === "string" && typeof parsed.stageId === "string" ? { id: parsed.id, stageId: parsed.stageId } : null;
  } catch {
    return null;
  }
}

/** A column or closed-stage summary that accepts dropped cards. */
export function DropZone({ stageId, className, activeClassName, children, ...rest }: {
  stageId: string;
  className?: string;
  activeClassName?: string;
  children: ReactNode;
  "aria-labelledby"?: string;
  "data-testid"?: string;
}) {
  const dnd = use(DndContext);
  const [over, setOver] = useState(false);
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(MIME);
  return (
    <section
      {...rest}
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        setOver(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        setOver(false);
        const deal = readDeal(event);
        if (!deal) return;
        event.preventDefault();
        dnd?.drop(deal.id, deal.stageId, stageId);
      }}
      className={cn(className, over && activeClassName)}
    >
      {children}
    </section>
  );
}
