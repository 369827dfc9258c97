import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptionsFor } from "@/lib/auth/authOptions";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options per request: Secure cookies depend on whether the browser is on https (authOptionsFor).
async function handler(request: NextRequest, context: RouteContext) {
  return NextAuth(request as never, context as never, authOptionsFor(request.headers));
}
export { handler as GET, handler as POST };
