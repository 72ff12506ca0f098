// Two clients send each other COUNT messages of mixed sizes (a few dozen characters to 200,000, most
// with multi-byte UTF-8) at once, over the seed's WebSocket API with the ws package; both subscribe
// and collect what arrives, and go on listening for 2 s after the last one for duplicates. Prints one
// line of JSON: what was sent, refused, missing, corrupted or duplicated.
//
// Usage: node mixed-exchange.mjs URL_A URL_B COUNT
import { createHash, randomBytes } from "node:crypto";
import WebSocket from "ws";

const [urlA, urlB, count] = process.argv.slice(2);
const deadline = Date.now() + 100_000;
const run = randomBytes(4).toString("hex");
const sizes = [1, 100, 2_000, 10_000, 30_000];
const digest = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);

function connect(url) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { maxPayload: 64 << 20 });
    const waiting = [];
    const pushes = [];
    socket.on("message", (data) => {
      const response = JSON.parse(data.toString());
      if (response.type === "received") pushes.forEach((push) => push(response.messages));
      else waiting.shift()(response);
    });
    let closing = false;
    socket.on("open", () => {
      // From here on a failure ends the script at once, rather than at the caller's deadline.
      socket.on("error", (error) => { console.error("websocket " + url + ": " + error.message); process.exit(2); });
      socket.on("close", () => { if (!closing) { console.error("websocket " + url + " closed"); process.exit(2); } });
      resolve({
        request: (body) => new Promise((answer) => { waiting.push(answer); socket.send(JSON.stringify(body)); }),
        onPush: (push) => pushes.push(push),
        close: () => { closing = true; socket.close(); },
      });
    });
    socket.once("error", reject);
  });
}

// "<run>/<sender>/<index>:" + filler of the chosen size + "|" + digest of all before it.
function message(sender, index) {
  const size = index === 0 ? 200_000 : sizes[index % sizes.length];
  let text = `${run}/${sender}/${index}:`;
  const filler = "mixnet ✓ ünïcode 漢字 𝄞 " + randomBytes(6).toString("hex") + " ";
  while (text.length < size) text += filler;
  return text + "|" + digest(text);
}

const a = await connect(urlA);
const b = await connect(urlB);
const addresses = { a: (await a.request({ type: "ownDetails" })).address, b: (await b.request({ type: "ownDetails" })).address };
const received = new Map();
let corrupt = 0;
const collect = (messages) => {
  for (const text of messages) {
    if (!text.startsWith(run + "/")) continue; // another test's message
    const bar = text.lastIndexOf("|");
    if (digest(text.slice(0, bar)) !== text.slice(bar + 1)) { corrupt++; continue; }
    const id = text.slice(0, text.indexOf(":"));
    received.set(id, (received.get(id) ?? 0) + 1);
  }
};
a.onPush(collect);
b.onPush(collect);
await a.request({ type: "subscribe" });
await b.request({ type: "subscribe" });

const sent = [];
const refused = [];
for (let i = 0; i < Number(count); i++) {
  for (const [sender, client, to] of [["a", a, addresses.b], ["b", b, addresses.a]]) {
    const text = message(sender, i);
    const response = await client.request({ type: "send", message: text, recipient_address: to });
    (response.type === "send" ? sent : refused).push(`${run}/${sender}/${i}`);
  }
}
while (Date.now() < deadline && sent.some((id) => !received.has(id))) {
  await new Promise((resolve) => setTimeout(resolve, 200));
}
await new Promise((resolve) => setTimeout(resolve, 2_000)); // a duplicate would come soon after
console.log(JSON.stringify({
  sent: sent.length,
  refused: refused.length,
  missing: sent.filter((id) => !received.has(id)),
  corrupt,
  duplicated: [...received.values()].filter((times) => times > 1).length,
}));
a.close();
b.close();
