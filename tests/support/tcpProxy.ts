// A tiny TCP forwarder run as its own process by tests: listen-port → target host:port.
// Killing it cuts every connection through it at once (like a database restart or a network
// cut); starting it again on the same port restores the path.
//   node --import tsx tests/support/tcpProxy.ts <listenPort> <targetHost> <targetPort>
import net from "node:net";

const [listenPort, targetHost, targetPort] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4])];

const server = net.createServer((client) => {
  const upstream = net.connect(targetPort, targetHost);
  client.pipe(upstream);
  upstream.pipe(client);
  const end = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on("error", end);
  upstream.on("error", end);
  client.on("close", end);
  upstream.on("close", end);
});
server.listen(listenPort, "127.0.0.1", () => console.log(`proxy listening on ${listenPort}`));
