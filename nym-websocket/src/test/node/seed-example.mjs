// The seed's TypeScript examples (docs: mixnet-client.md, "Using the websocket"), their logic
// unchanged, with the `ws` package as the WebSocket. Prints one JSON line per result.
// Usage: node seed-example.mjs ws://127.0.0.1:9001/mix [recipient_address]
import WebSocket from "ws";

const url = process.argv[2] ?? "ws://localhost:9001/mix";
const recipient = process.argv[3] ?? "C5ht4YgZ58CGZZ1BNQzh56Fr2S69BkJcbkpK3NpBrHzk";
const print = (line) => console.log(JSON.stringify(line));

// Opens a connection, sends each request once open, and resolves with the parsed responses.
function exchange(requests) {
  return new Promise((resolve, reject) => {
    const responses = [];
    const conn = new WebSocket(url);
    conn.onerror = (ev) => reject(new Error(`websocket error: ${ev.message}`));
    conn.onmessage = (ev) => {
      responses.push(JSON.parse(ev.data));
      if (responses.length === requests.length) {
        conn.close();
        resolve(responses);
      }
    };
    conn.onopen = () => requests.forEach((request) => conn.send(request));
  });
}

// Example 1: send a message to some other client.
const sendMsg = JSON.stringify({
  type: "send",
  message: "foo",
  recipient_address: recipient,
});
const [sent] = await exchange([sendMsg]);
if (sent.type == "send") {
  print({ step: "send", confirmation: "received send confirmation", response: sent });
} else {
  print({ step: "send", unexpected: sent });
}

// Example 2: receive messages.
const fetchMsg = JSON.stringify({
  type: "fetch",
});
const [fetched] = await exchange([fetchMsg]);
if (fetched.type == "fetch") {
  print({ step: "fetch", messages: fetched.messages });
} else {
  print({ step: "fetch", unexpected: fetched });
}

// The seed's rules: Binary data is rejected, a malformed request gets an error, the connection stays.
const [binary, malformed, details] = await exchange([
  Buffer.from(fetchMsg),
  "{not json",
  JSON.stringify({ type: "ownDetails" }),
]);
print({ step: "binary", response: binary });
print({ step: "malformed", response: malformed });
print({ step: "ownDetails", response: details });
