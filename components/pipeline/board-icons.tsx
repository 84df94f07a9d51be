import { Ban, CircleCheck, CirclePause, EllipsisVertical, Flag, GripVertical } from "lucide-react";
import { IconSprite, SpriteIcon } from "@/components/ui/icon-sprite";

/** The icons every board card shows, defined once per board (`BoardIconSprite`) and referenced by each card. */
const BOARD_ICONS = {
  "board-icon-grip": GripVertical,
  "board-icon-menu": EllipsisVertical,
  "board-icon-flag": Flag,
  "board-icon-ready": CircleCheck,
  "board-icon-blocked": Ban,
  "board-icon-held": CirclePause,
} as const;

type BoardIconName = keyof typeof BOARD_ICONS extends `board-icon-${infer N}` ? N : never;

export function BoardIconSprite() {
  return <IconSprite icons={BOARD_ICONS} />;
}

export function BoardIcon({ name, className }: { name: BoardIconName; className?: string }) {
  return <SpriteIcon id={`board-icon-${name}`} className={className} />;
}
