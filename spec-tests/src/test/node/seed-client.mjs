// The seed's TypeScript WebSocket examples (mixnet-client.md, "Using the websocket"), their logic
// unchanged, run with the `ws` package against a running nym-client. One request per run; the last
// line printed is the response as JSON, so the Java test can read it.
//
// Usage: node seed-client.mjs URL send RECIPIENT MESSAGE_FILE
//        node seed-client.mjs URL fetch | ownDetails | getClients
//        node seed-client.mjs URL rules      (a Binary frame, a malformed request, then ownDetails)
//        node seed-client.mjs URL raw REQUEST_FILE  (any one request, as JSON in the file)
//        node seed-client.mjs URL subscribe MESSAGE_FILE SENDER_URL RECIPIENT
//             (not the seed's: subscribe at URL; once subscribed, SENDER_URL's client sends the
//             message to RECIPIENT; print every frame until a push carries the message)
import WebSocket from "ws";
import { readFileSync } from "node:fs";

const [url, command, ...rest] = process.argv.slice(2);
const print = (line) => console.log(JSON.stringify(line));

// The seed's `const conn = new WebSocket(...)`, `conn.onmessage = ...`, `conn.send(...)`; the only
// change is that the request goes out once the connection is open (`onopen`), as a WebSocket requires.
function connect(onmessage, requests) {
  return new Promise((resolve, reject) => {
    const conn = new WebSocket(url);
    const responses = [];
    conn.onerror = (ev) => reject(new Error(`websocket error: ${ev.message}`));
    conn.onclose = (ev) => reject(new Error(`closed after ${responses.length} responses: ${ev.code}`));
    conn.onmessage = (ev) => {
      const receivedData = JSON.parse(ev.data);
      onmessage(receivedData);
      responses.push(receivedData);
      if (responses.length === requests.length) {
        conn.onclose = () => {};
        conn.close();
        resolve(responses);
      }
    };
    conn.onopen = () => requests.forEach((request) => conn.send(request));
  });
}

switch (command) {
  case "send": {
    // Example 1 of the seed: send a message to some other client.
    const sendMsg = JSON.stringify({
      type: "send",
      message: readFileSync(rest[1], "utf8"),
      recipient_address: rest[0],
    });
    const [response] = await connect((receivedData) => {
      if (receivedData.type == "send") {
        console.log("received send confirmation");
      }
    }, [sendMsg]);
    print(response);
    break;
  }
  case "fetch": {
    // Example 2 of the seed: receive messages.
    const fetchMsg = JSON.stringify({
      type: "fetch",
    });
    const [response] = await connect((receivedData) => {
      if (receivedData.type == "fetch") {
        console.log("fetched the following messages: " + receivedData.messages);
      }
    }, [fetchMsg]);
    print(response);
    break;
  }
  case "ownDetails":
  case "getClients": {
    const [response] = await connect(() => {}, [JSON.stringify({ type: command })]);
    print(response);
    break;
  }
  case "rules": {
    // "only Text messages are supported and all Binary data will be rejected"; then a malformed
    // request; then a good one on the same connection.
    const responses = await connect(() => {}, [
      Buffer.from(JSON.stringify({ type: "fetch" })),
      "{\"type\": \"send\", \"message\": ",
      JSON.stringify({ type: "ownDetails" }),
    ]);
    responses.forEach(print);
    break;
  }
  case "raw": {
    const [response] = await connect(() => {}, [readFileSync(rest[0], "utf8")]);
    print(response);
    break;
  }
  case "subscribe": {
    const [file, senderUrl, recipient] = rest;
    const message = readFileSync(file, "utf8");
    await new Promise((resolve, reject) => {
      const conn = new WebSocket(url);
      conn.onerror = (ev) => reject(new Error(`websocket error: ${ev.message}`));
      conn.onclose = (ev) => reject(new Error(`closed before the push: ${ev.code}`));
      conn.onmessage = (ev) => {
        const receivedData = JSON.parse(ev.data);
        print(receivedData);
        if (receivedData.type == "subscribe") {
          const sender = new WebSocket(senderUrl);
          sender.onerror = (e) => reject(new Error(`sender websocket error: ${e.message}`));
          sender.onopen = () => sender.send(JSON.stringify({ type: "send", message, recipient_address: recipient }));
          sender.onmessage = (e) => {
            print(JSON.parse(e.data));
            sender.close();
          };
        } else if (receivedData.type == "received" && receivedData.messages.includes(message)) {
          conn.onclose = () => {};
          conn.close();
          resolve();
        }
      };
      conn.onopen = () => conn.send(JSON.stringify({ type: "subscribe" }));
    });
    break;
  }
  default:
    console.error(`unknown command ${command}`);
    process.exit(2);
}
