import Link from "next/link";
import { SignInForm } from "@/components/auth/SignInForm";
import { OAuthButtons } from "@/components/auth/OAuthButtons";
import { configuredOAuthProviders, signInErrorMessage } from "@/lib/auth/oauthProviders";

export const metadata = { title: "Sign in · Claimboard" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  // Only same-site paths: an open redirect would let a link send people elsewhere after sign-in.
  const target = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/maps";
  return (
    <main className="page narrow">
      <h1>Sign in</h1>
      <div className="panel">
        {/* OAuth failures come back here as codes; never show query text itself (phishing). */}
        {error && <p role="alert" className="error">{signInErrorMessage(error)}</p>}
        <SignInForm callbackUrl={target} />
        <OAuthButtons providers={configuredOAuthProviders()} callbackUrl={target} />
      </div>
      <p className="muted">
        New here? <Link href={target === "/maps" ? "/signup" : `/signup?callbackUrl=${encodeURIComponent(target)}`}>Create an account</Link> and get your own copy of the sample map.
      </p>
    </main>
  );
}
