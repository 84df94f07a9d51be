import { formatDateTime } from "@/lib/utils";

export function NoteList({ notes }: { notes: Array<{ id: string; body: string; createdAt: Date; author: { name: string } }> }) {
  if (notes.length === 0) return <p className="text-sm text-slate-500">No notes yet.</p>;
  return (
    <ul className="space-y-3" data-testid="note-list">
      {notes.map((note) => (
        <li key={note.id} className="rounded-md bg-slate-50 px-3 py-2">
          <p className="whitespace-pre-wrap text-sm text-slate-800">{note.body}</p>
          <p className="mt-1 text-xs text-slate-500">
            {note.author.name} · {formatDateTime(note.createdAt)}
          </p>
        </li>
      ))}
    </ul>
  );
}
