import { z } from "zod";
import { Decimal } from "./generated/prisma/internal/prismaNamespace";

/**
 * Keyset (cursor) pagination shared by every list. A list is ordered by one sort column and then by id, in the
 * same direction, so an index on (organizationId, column, id) serves both the order and the seek. Nullable
 * columns keep their empty values last in both directions: such a list is read as two segments, the rows with a
 * value and then the rows without, each one an index range scan.
 */

type SortDir = "asc" | "desc";
type CursorValue = string | number | null;
type Direction = "after" | "before";

/** How one sortable column appears in a `where` and an `orderBy`; a relation column (account name) maps both. */
export interface SortColumn<Row> {
  nullable: boolean;
  kind: "string" | "number" | "date" | "decimal";
  /** Wraps a filter on the column, e.g. `(f) => ({ name: f })` or `(f) => ({ account: { name: f } })`. */
  where: (filter: Record<string, unknown>) => Record<string, unknown>;
  orderBy: (dir: SortDir) => Record<string, unknown>;
  value: (row: Row) => unknown;
}

export function column<Row>(name: string & keyof Row, kind: SortColumn<Row>["kind"], nullable = false): SortColumn<Row> {
  return {
    nullable,
    kind,
    where: (filter) => ({ [name]: filter }),
    orderBy: (dir) => ({ [name]: dir }),
    value: (row) => row[name],
  };
}

const cursorSchema = z.object({ s: z.string(), d: z.enum(["asc", "desc"]), v: z.union([z.string(), z.number(), z.null()]), i: z.string().min(1) });
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** An unreadable cursor, or one left over from another sort, means "from the start" rather than an error. */
function decodeCursor(raw: string | undefined, sort: string, dir: SortDir): Cursor | null {
  if (!raw) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success && parsed.data.s === sort && parsed.data.d === dir ? parsed.data : null;
  } catch {
    return null;
  }
}

function toCursorValue(value: unknown): CursorValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "string") return value;
  if (value instanceof Decimal) return value.toFixed();
  throw new Error("unsupported sort value");
}

function fromCursorValue(kind: SortColumn<unknown>["kind"], value: CursorValue): unknown {
  if (value === null) return null;
  return kind === "date" ? new Date(String(value)) : value;
}

const flip = (dir: SortDir): SortDir => (dir === "asc" ? "desc" : "asc");

interface Segment {
  where: Record<string, unknown>;
  orderBy: Array<Record<string, unknown>>;
}

/**
 * The segments to read, in order, for the rows after (or before) a cursor. Reading "before" walks the order
 * backwards; the caller reverses the rows it got.
 */
function seekSegments<Row>(col: SortColumn<Row>, dir: SortDir, cursor: Cursor | null, direction: Direction): Segment[] {
  const walk = direction === "after" ? dir : flip(dir);
  const gt = walk === "asc" ? "gt" : "lt";
  const gte = walk === "asc" ? "gte" : "lte";
  const order = [col.orderBy(walk), { id: walk }];
  const valued = (extra: Record<string, unknown>): Segment => ({
    where: { AND: [col.nullable ? col.where({ not: null }) : {}, extra] },
    orderBy: order,
  });
  const empty = (extra: Record<string, unknown>): Segment => ({ where: { AND: [col.where({ equals: null }), extra] }, orderBy: [{ id: walk }] });
  // `column >= v` is the index range; the OR only settles ties on the boundary value.
  const pastValue = (at: Cursor) => {
    const v = fromCursorValue(col.kind, at.v);
    return { AND: [col.where({ [gte]: v }), { OR: [col.where({ [gt]: v }), { id: { [gt]: at.i } }] }] };
  };
  if (!col.nullable) return [valued(cursor ? pastValue(cursor) : {})];
  // Forward, empty values come after every value; walking backwards they come first.
  const emptiesLast = direction === "after";
  if (!cursor) return emptiesLast ? [valued({}), empty({})] : [empty({}), valued({})];
  if (cursor.v === null) return emptiesLast ? [empty({ id: { [gt]: cursor.i } })] : [empty({ id: { [gt]: cursor.i } }), valued({})];
  return emptiesLast ? [valued(pastValue(cursor)), empty({})] : [valued(pastValue(cursor))];
}

export interface KeysetPage<Row> {
  rows: Row[];
  /** Cursors for the neighbouring pages, or null at either end. */
  next: string | null;
  previous: string | null;
}

export interface KeysetRequest<Row> {
  sort: string;
  dir: SortDir;
  column: SortColumn<Row>;
  after?: string;
  before?: string;
  take: number;
  /** Reads one segment: the list's own `where` AND the segment's, in the segment's order, at most `take` rows. */
  read: (segment: Segment, take: number) => Promise<Row[]>;
}

/** One page of a list by keyset: at most `take` rows and whether there is more on either side. */
export async function keysetPage<Row extends { id: string }>(request: KeysetRequest<Row>): Promise<KeysetPage<Row>> {
  const { sort, dir, column: col, take } = request;
  const beforeCursor = decodeCursor(request.before, sort, dir);
  const afterCursor = beforeCursor ? null : decodeCursor(request.after, sort, dir);
  const direction: Direction = beforeCursor ? "before" : "after";
  const cursor = beforeCursor ?? afterCursor;

  const rows: Row[] = [];
  for (const segment of seekSegments(col, dir, cursor, direction)) {
    rows.push(...(await request.read(segment, take + 1 - rows.length)));
    if (rows.length > take) break;
  }
  const more = rows.length > take;
  const page = rows.slice(0, take);
  if (direction === "before") page.reverse();

  const at = (row: Row | undefined) => (row ? encodeCursor({ s: sort, d: dir, v: toCursorValue(col.value(row)), i: row.id }) : null);
  const hasNext = direction === "after" ? more : true;
  const hasPrevious = direction === "after" ? cursor !== null : more;
  return { rows: page, next: hasNext && page.length > 0 ? at(page.at(-1)) : null, previous: hasPrevious && page.length > 0 ? at(page[0]) : null };
}

/**
 * Searching a list by its parent account's name: the ids of matching accounts first (the trigram index on the
 * account name), so the list's own OR becomes an index union instead of a join filtered row by row.
 */
export const SEARCH_ACCOUNT_LIMIT = 1000;

/** Counting stops here: past it a list says "1,000+" instead of scanning the whole tenant on every page. */
export const COUNT_LIMIT = 1000;

export interface BoundedCount {
  count: number;
  /** True when there are more rows than were counted. */
  atLeast: boolean;
}

export function boundedCount(counted: number): BoundedCount {
  return counted > COUNT_LIMIT ? { count: COUNT_LIMIT, atLeast: true } : { count: counted, atLeast: false };
}
