// Checks the client openapi-typescript generated from docs/openapi.json: an order's and a purchase order's status,
// hold reason and allowedActions, and the {command} of the two command routes, are unions of the values the server
// uses, not plain strings.
import { readFileSync } from "node:fs";

const client = readFileSync(process.argv[2], "utf8");

/** The body of one schema's type in components["schemas"], from its opening line to its closing brace. */
function schema(name) {
  const start = client.indexOf(`\n        ${name}: {`);
  if (start < 0) return "";
  const end = client.indexOf("\n        };", start);
  return client.slice(start, end < 0 ? undefined : end);
}

const expectations = [
  ["OrderView.status", schema("OrderView"), /status: "Draft" \| "Submitted" \|[^;]*"Closed" \| "Cancelled";/],
  ["OrderView.holdReason", schema("OrderView"), /holdReason: "Data" \| "Price" \| "Credit" \| "Delivery" \| "Manual" \| null;/],
  ["OrderView.allowedActions", schema("OrderView"), /allowedActions: \("edit" \| "submit" \|[^;]*"record-payment" \| "close" \| "cancel"\)\[\];/],
  ["PurchaseOrderView.status", schema("PurchaseOrderView"), /status: "Draft" \| "Sent" \| "Confirmed" \| "PartiallyReceived" \| "Received" \| "Cancelled";/],
  ["PurchaseOrderView.allowedActions", schema("PurchaseOrderView"), /allowedActions: \("send" \| "confirm" \| "receive" \| "cancel"\)\[\];/],
  ["RunOrderCommand {command}", client, /command: "submit" \| "approve" \|[^;]*"record-payment" \| "close" \| "cancel";/],
  ["RunPurchaseOrderCommand {command}", client, /command: "send" \| "confirm" \| "cancel";/],
];
const missing = expectations.filter(([, text, pattern]) => !pattern.test(text)).map(([name]) => name);
if (missing.length > 0) {
  console.error(`The generated client does not type these as unions of the server's values: ${missing.join(", ")}`);
  process.exit(1);
}
console.log(`The generated client has unions for ${expectations.map(([name]) => name).join(", ")}.`);
