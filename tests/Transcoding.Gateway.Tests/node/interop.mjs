// Drives the reference Standard Webhooks implementation for the gateway's interop tests.
// Reads one JSON request on stdin:
//   {"command":"sign","secret":"whsec_...","id":"...","timestamp":<unix seconds>,"payload":"..."} -> prints the signature
//   {"command":"verify","secret":"whsec_...","headers":{...},"payload":"..."} -> prints "verified", or exits 1 with the reason
import { Webhook } from "standardwebhooks";

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const webhook = new Webhook(request.secret);

if (request.command === "sign") {
  process.stdout.write(webhook.sign(request.id, new Date(request.timestamp * 1000), request.payload));
} else if (request.command === "verify") {
  try {
    webhook.verify(request.payload, request.headers);
    process.stdout.write("verified");
  } catch (error) {
    process.stderr.write(String(error.message));
    process.exit(1);
  }
} else {
  process.stderr.write(`unknown command ${request.command}`);
  process.exit(2);
}
