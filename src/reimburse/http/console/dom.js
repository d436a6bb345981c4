// DOM building without innerHTML: every string becomes a text node, so document-derived text
// (vendor names, clauses, chat answers) can never be parsed as HTML.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "style") throw new Error("inline styles are refused by the CSP; use a class");
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

// Internal links only: an id from the API goes into the hash, percent-encoded.
export function invoiceHref(id) {
  return `#/invoice/${encodeURIComponent(id)}`;
}

const STATUS_LABELS = {
  fully_reimbursed: "Fully reimbursed",
  partially_reimbursed: "Partially reimbursed",
  declined: "Declined",
};

export function statusBadge(status) {
  const known = Object.hasOwn(STATUS_LABELS, status);
  return h("span", { class: `badge status-${known ? status : "other"}` }, known ? STATUS_LABELS[status] : String(status ?? "—"));
}

export function money(amount, currency) {
  if (amount === null || amount === undefined || amount === "") return "—";
  const value = Number(amount);
  if (!Number.isFinite(value)) return String(amount);
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency || "XXX" }).format(value);
  } catch {
    return `${value.toFixed(2)} ${currency || ""}`.trim();
  }
}

export function when(iso) {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString();
}
