import type { Metadata } from "next";
import "./globals.css";
import { AppHeader } from "@/components/ui/AppHeader";

export const metadata: Metadata = {
  title: "Claimboard",
  description: "Build pro/con argument maps of a source document, together and in real time.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <AppHeader />
        {children}
      </body>
    </html>
  );
}
