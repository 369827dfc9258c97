import Link from "next/link";
import { SignInForm } from "@/components/auth/SignInForm";

export const metadata = { title: "Sign in · Claimboard" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths: an open redirect would let a link send people elsewhere after sign-in.
  const target = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/maps";
  return (
    <main className="page narrow">
      <h1>Sign in</h1>
      <div className="panel">
        <SignInForm callbackUrl={target} />
      </div>
      <p className="muted">
        New here? <Link href="/signup">Create an account</Link> and get your own copy of the sample map.
      </p>
    </main>
  );
}
