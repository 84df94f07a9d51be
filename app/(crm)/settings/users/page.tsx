import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RoleSelect } from "@/components/users/role-select";
import { NewUserForm } from "@/components/users/new-user-form";
import { UserActions } from "@/components/users/user-actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Pagination, Table, Td, Th, type SearchParams } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";
import { listUsers, userListParams } from "@/lib/server/users/users";
import { formatDate } from "@/lib/utils";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  if (!can(user.role, "user.manage")) notFound();
  const raw = await searchParams;
  const cursors = userListParams.parse(raw);
  const page = await listUsers(user, cursors);
  return (
    <>
      <PageHeader eyebrow="Settings" title="Users" description={`Who can sign in to ${user.organizationName}, and what their role lets them do.`} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-3">
          <Table data-testid="users-table">
            <thead className="bg-slate-50">
              <tr><Th>Name</Th><Th>Email</Th><Th>Role</Th><Th>Since</Th><Th>Access</Th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {page.rows.map((u) => (
                <tr key={u.id}>
                  <Td className="font-medium text-slate-900">{u.name}{u.id === user.id && <span className="ml-1 text-xs text-slate-500">(you)</span>}</Td>
                  <Td>{u.email}</Td>
                  <Td><RoleSelect userId={u.id} role={u.role} name={u.name} /></Td>
                  <Td>{formatDate(u.createdAt)}</Td>
                  <Td>
                    {u.deactivatedAt && <Badge tone="bad" className="mb-1">Deactivated</Badge>}
                    {u.id !== user.id && <UserActions userId={u.id} name={u.name} active={!u.deactivatedAt} />}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination path="/settings/users" params={raw} next={page.next} previous={page.previous} total={page.total} noun="user" />
        </Card>
        <Card className="self-start lg:col-span-2">
          <CardHeader title="Add a user" description="They sign in with this email and the initial password you give them." />
          <CardBody><NewUserForm /></CardBody>
        </Card>
      </div>
    </>
  );
}
