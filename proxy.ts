import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newCspNonce } from "@/lib/http/contentSecurityPolicy";

// A fresh script nonce per page response (see lib/http/contentSecurityPolicy.ts). Next reads
// the nonce from the request's Content-Security-Policy header while rendering.
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newCspNonce(), process.env.NODE_ENV !== "production");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: API responses and static files keep next.config.js's policy, which allows no inline script at all.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
