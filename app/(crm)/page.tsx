import { redirect } from "next/navigation";
import { requireUser } from "@/lib/server/session";

export default async function Home() {
  const user = await requireUser();
  redirect(user.role === "rep" ? "/opportunities?owner=me" : "/dashboard");
}
