"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * The header's "Sign in" / "Sign up" for signed-out visitors. On an invite page they carry the
 * invite along (callbackUrl), so signing up from the header does not lose the pending invite.
 */
export function SignedOutLinks() {
  const path = usePathname() ?? "/";
  const back = path.startsWith("/invite/") ? `?callbackUrl=${encodeURIComponent(path)}` : "";
  return (
    <>
      <Link href={`/signin${back}`}>Sign in</Link>
      <Link href={`/signup${back}`} className="button">
        Sign up
      </Link>
    </>
  );
}
