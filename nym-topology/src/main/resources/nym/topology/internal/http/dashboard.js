// The directory's dashboard. It reads the directory's own JSON API every REFRESH_MS and shows the
// network: mix nodes by layer with their last traffic report, providers with their clients.
// Every value shown comes from registrations that anyone can send, so it is only ever written as
// text (textContent), never parsed as HTML; the page's Content-Security-Policy forbids inline code.
"use strict";

const REFRESH_MS = 2000;
/** A node not seen for longer than this is shown greyed: it may be about to drop out. */
const STALE_MS = 6000;

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  row.appendChild(td);
  return td;
}

/** lastSeen and timestamp are Unix nanoseconds; a double keeps them to well under a millisecond. */
function ageMs(nanos, nowMs) {
  return typeof nanos === "number" ? Math.max(0, nowMs - nanos / 1e6) : NaN;
}

function describeAge(ms) {
  return Number.isNaN(ms) ? "?" : (ms / 1000).toFixed(1) + " s ago";
}

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/**
 * The JSON has keys in URL-safe base64, as the seed's topology does; the page shows them in base58,
 * as nym-mixnode init, nym-provider init and the clients print them.
 */
function displayKey(key) {
  if (typeof key !== "string" || !/^[A-Za-z0-9_-]{43}=$/.test(key)) {
    return String(key);
  }
  const bytes = [...atob(key.replace(/-/g, "+").replace(/_/g, "/"))].map((ch) => ch.charCodeAt(0));
  let n = bytes.reduce((value, byte) => value * 256n + BigInt(byte), 0n);
  let out = "";
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (let i = 0; i < bytes.length && bytes[i] === 0; i++) {
    out = "1" + out;
  }
  return out;
}

function shortKey(key) {
  return typeof key === "string" && key.length > 16 ? key.slice(0, 8) + "…" + key.slice(-6) : String(key);
}

function count(value) {
  return typeof value === "number" ? String(value) : "–";
}

function sumOf(sent) {
  return sent && typeof sent === "object"
    ? Object.values(sent).reduce((total, n) => total + (typeof n === "number" ? n : 0), 0)
    : undefined;
}

function fillRows(tableId, emptyId, rows) {
  const body = document.querySelector("#" + tableId + " tbody");
  body.replaceChildren(...rows);
  document.getElementById(emptyId).hidden = rows.length > 0;
}

function mixRows(mixNodes, metrics, nowMs) {
  const reports = new Map(metrics.map((report) => [report.pubKey, report]));
  return [...mixNodes]
    .sort((a, b) => (a.layer - b.layer) || String(a.host).localeCompare(String(b.host)))
    .map((node) => {
      const row = document.createElement("tr");
      const seen = ageMs(node.lastSeen, nowMs);
      const report = reports.get(node.pubKey) || {};
      row.dataset.key = String(node.pubKey);
      row.className = seen > STALE_MS ? "stale" : "";
      cell(row, String(node.layer));
      cell(row, String(node.host));
      cell(row, shortKey(displayKey(node.pubKey)), "key").title = displayKey(node.pubKey);
      cell(row, node.version === undefined ? "?" : String(node.version));
      cell(row, describeAge(seen));
      cell(row, count(report.received), "number");
      cell(row, count(sumOf(report.sent)), "number");
      return row;
    });
}

function providerRows(providers, nowMs) {
  return [...providers]
    .sort((a, b) => String(a.host).localeCompare(String(b.host)))
    .map((provider) => {
      const row = document.createElement("tr");
      const seen = ageMs(provider.lastSeen, nowMs);
      const clients = Array.isArray(provider.registeredClients) ? provider.registeredClients.length : 0;
      row.dataset.key = String(provider.pubKey);
      row.className = seen > STALE_MS ? "stale" : "";
      cell(row, String(provider.host));
      cell(row, provider.clientListener === undefined ? "?" : String(provider.clientListener));
      cell(row, shortKey(displayKey(provider.pubKey)), "key").title = displayKey(provider.pubKey);
      cell(row, provider.version === undefined ? "?" : String(provider.version));
      cell(row, describeAge(seen));
      cell(row, String(clients), "number");
      return row;
    });
}

function summary(mixNodes, providers) {
  const layers = new Map();
  mixNodes.forEach((node) => layers.set(node.layer, (layers.get(node.layer) || 0) + 1));
  const perLayer = [...layers.keys()].sort((a, b) => a - b).map((layer) => "layer " + layer + ": " + layers.get(layer));
  const clients = providers.reduce((total, p) => total + (Array.isArray(p.registeredClients) ? p.registeredClients.length : 0), 0);
  return mixNodes.length + " mix node" + (mixNodes.length === 1 ? "" : "s")
    + (perLayer.length ? " (" + perLayer.join(", ") + ")" : "")
    + ", " + providers.length + " provider" + (providers.length === 1 ? "" : "s")
    + ", " + clients + " client" + (clients === 1 ? "" : "s") + " registered";
}

async function readJson(path) {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) {
    throw new Error(path + " answered " + response.status);
  }
  return response.json();
}

async function refresh() {
  const status = document.getElementById("status");
  try {
    const [topology, metrics] = await Promise.all([readJson("/api/presence/topology"), readJson("/api/metrics/mixes")]);
    const nowMs = Date.now();
    const mixNodes = Array.isArray(topology.MixNodes) ? topology.MixNodes : [];
    const providers = Array.isArray(topology.MixProviderNodes) ? topology.MixProviderNodes : [];
    fillRows("mixnodes", "no-mixnodes", mixRows(mixNodes, Array.isArray(metrics) ? metrics : [], nowMs));
    fillRows("providers", "no-providers", providerRows(providers, nowMs));
    document.getElementById("summary").textContent = summary(mixNodes, providers);
    status.textContent = "Updated " + new Date(nowMs).toLocaleTimeString() + ", every " + REFRESH_MS / 1000 + " s.";
    status.className = "";
  } catch (e) {
    status.textContent = "Cannot read the directory (" + e.message + "); retrying every " + REFRESH_MS / 1000 + " s.";
    status.className = "failing";
  } finally {
    setTimeout(refresh, REFRESH_MS);
  }
}

refresh();
