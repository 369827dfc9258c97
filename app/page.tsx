import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/sessionUser";

export const dynamic = "force-dynamic";

export default async function Home() {
  redirect((await getSessionUser()) ? "/maps" : "/signin");
}
