import Link from "next/link";
import { SignUpForm } from "@/components/auth/SignUpForm";

export const metadata = { title: "Sign up · Claimboard" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths (e.g. back to an invite link), never an open redirect.
  const target = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : undefined;
  return (
    <main className="page narrow">
      <h1>Create your account</h1>
      <p className="muted">You get your own copy of the sample map, on U.S. policy toward Mexican cartels, to explore and edit.</p>
      <div className="panel">
        <SignUpForm callbackUrl={target} />
      </div>
      <p className="muted">
        Already have an account? <Link href={target ? `/signin?callbackUrl=${encodeURIComponent(target)}` : "/signin"}>Sign in</Link>
      </p>
    </main>
  );
}
