import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RoleSelect } from "@/components/users/role-select";
import { NewUserForm } from "@/components/users/below-the-fold";
import { UserActions } from "@/components/users/user-actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Pagination, type SearchParams } from "@/components/ui/data-table";
import { DataTable, type DataColumn, type DataRow } from "@/components/ui/data-table-view";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";
import { listUsers, userListParams } from "@/lib/server/users/users";
import { formatDate } from "@/lib/utils";

export const metadata: Metadata = { title: "Users" };

const USER_COLUMNS: DataColumn[] = [
  { id: "name", header: "Name", truncate: true },
  { id: "email", header: "Email", truncate: true },
  { id: "role", header: "Role" },
  { id: "since", header: "Since" },
  { id: "access", header: "Access" },
];

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  if (!can(user.role, "user.manage")) notFound();
  const raw = await searchParams;
  const cursors = userListParams.parse(raw);
  const page = await listUsers(user, cursors);
  const rows: DataRow[] = page.rows.map((u) => ({
    id: u.id,
    label: u.name,
    text: { name: u.name, email: u.email },
    cells: {
      name: (
        <span className="font-medium text-slate-900">
          {u.name}
          {u.id === user.id && <span className="ml-1 text-xs text-slate-600">(you)</span>}
        </span>
      ),
      email: u.email,
      role: <RoleSelect userId={u.id} role={u.role} name={u.name} />,
      since: formatDate(u.createdAt),
      access: (
        <div className="flex flex-wrap items-center gap-2">
          {u.deactivatedAt && <Badge tone="bad">Deactivated</Badge>}
          {u.id !== user.id && <UserActions userId={u.id} name={u.name} active={!u.deactivatedAt} />}
        </div>
      ),
    },
  }));
  return (
    <>
      <PageHeader eyebrow="Settings" title="Users" description={`Who can sign in to ${user.organizationName}, and what their role lets them do.`} />
      <div className="grid gap-6">
        <Card className="min-w-0">
          <DataTable label="Users" testId="users-table" columns={USER_COLUMNS} rows={rows} />
          <Pagination path="/settings/users" params={raw} next={page.next} previous={page.previous} total={page.total} noun="user" />
        </Card>
        <Card className="max-w-2xl">
          <CardHeader title="Add a user" description="They sign in with this email and the initial password you give them." />
          <CardBody>
            <NewUserForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
