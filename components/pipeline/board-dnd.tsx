"use client";

import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DraggableAttributes,
  type KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import { createContext, use, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * Drag and drop (dnd-kit) is a shortcut for the card's own menu: a drop hands the move to the dragged card,
 * which runs the same gated action and shows the same blockers. By keyboard: focus a card's handle, Space
 * picks it up, arrows go from stage to stage, Space drops, Escape cancels; screen readers hear each step.
 */
type MoveHandler = (toStage: string) => void;

const MovesContext = createContext<Map<string, MoveHandler> | null>(null);

interface DragData {
  name: string;
  stageId: string;
}
interface DropData {
  label: string;
}

/** Arrow keys jump from one stage's drop zone to the next (columns left to right, then the closed stages). */
const stageByStage: KeyboardCoordinateGetter = (event, { context: { collisionRect, droppableRects, droppableContainers } }) => {
  if (!collisionRect) return undefined;
  const forward = event.code === "ArrowRight" || event.code === "ArrowDown";
  if (!forward && event.code !== "ArrowLeft" && event.code !== "ArrowUp") return undefined;
  event.preventDefault();
  const zones = droppableContainers
    .getEnabled()
    .flatMap((c) => {
      const rect = droppableRects.get(c.id);
      return rect ? [rect] : [];
    })
    .sort((a, b) => a.left - b.left || a.top - b.top);
  const x = collisionRect.left + collisionRect.width / 2;
  const y = collisionRect.top + Math.min(collisionRect.height / 2, 20);
  const current = zones.findIndex((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
  const target = zones[current === -1 ? 0 : current + (forward ? 1 : -1)];
  return target ? { x: target.left + 8, y: target.top + 8 } : undefined;
};

export function BoardDndProvider({ children }: { children: ReactNode }) {
  // One registry for the board's life: each card puts its move handler in it (see useDroppedMoves).
  const [moves] = useState(() => new Map<string, MoveHandler>());
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: stageByStage }),
  );
  const name = (data: unknown) => (data as DragData | undefined)?.name ?? "The deal";
  const zone = (data: unknown) => (data as DropData | undefined)?.label ?? "no stage";
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${name(active.data.current)}. Use the arrow keys to choose a stage, Space to drop it there, Escape to cancel.`,
    onDragOver: ({ active, over }) =>
      over ? `${name(active.data.current)} is over ${zone(over.data.current)}.` : `${name(active.data.current)} is not over a stage.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `Dropped ${name(active.data.current)} on ${zone(over.data.current)}; checking the gate.`
        : `${name(active.data.current)} was dropped outside the stages; nothing moved.`,
    onDragCancel: ({ active }) => `Cancelled. ${name(active.data.current)} stays where it was.`,
  };
  function onDragEnd({ active, over }: DragEndEvent) {
    const from = (active.data.current as DragData | undefined)?.stageId;
    if (!over || over.id === from) return;
    moves.get(String(active.id))?.(String(over.id));
  }
  return (
    <MovesContext value={moves}>
      <DndContext
        id={useId()}
        sensors={sensors}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable: "To move this deal to another stage, press Space, then the arrow keys, then Space again. Escape cancels.",
          },
        }}
      >
        {children}
      </DndContext>
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

/** What a card spreads on its drag handle. */
export interface DragHandle {
  attributes: DraggableAttributes;
  listeners: ReturnType<typeof useDraggable>["listeners"];
}

export function DraggableCard({
  opportunityId,
  stageId,
  name,
  enabled,
  className,
  children,
}: {
  opportunityId: string;
  stageId: string;
  name: string;
  enabled: boolean;
  className?: string;
  children: (handle: DragHandle | null) => ReactNode;
}) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: opportunityId,
    data: { name, stageId } satisfies DragData,
    disabled: !enabled,
  });
  return (
    <li
      ref={setNodeRef}
      style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined}
      className={cn(className, isDragging && "relative z-20 opacity-80 shadow-lg")}
    >
      {children(enabled ? { attributes, listeners } : null)}
    </li>
  );
}

/** A column or closed-stage summary that accepts dropped cards. */
export function DropZone({
  stageId,
  label,
  className,
  activeClassName,
  children,
  ...rest
}: {
  stageId: string;
  label: string;
  className?: string;
  activeClassName?: string;
  children: ReactNode;
  "aria-labelledby"?: string;
  "data-testid"?: string;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: stageId, data: { label } satisfies DropData });
  return (
    <section ref={setNodeRef} {...rest} data-stage-id={stageId} className={cn(className, isOver && activeClassName)}>
      {children}
    </section>
  );
}
