import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** The tcpProxy.ts forwarder as a child process; cut() kills it, restore() starts it again. */
export class TcpProxyProcess {
  private child: ChildProcess | null = null;

  constructor(
    readonly port: number,
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async restore(): Promise<void> {
    if (this.child) return;
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "tcpProxy.ts"), String(this.port), this.targetHost, String(this.targetPort)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on("data", (d: Buffer) => d.toString().includes("proxy listening") && resolve());
      child.once("exit", (code) => reject(new Error(`proxy exited with ${code}`)));
    });
  }

  async cut(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  }
}
