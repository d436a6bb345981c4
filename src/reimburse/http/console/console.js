// The reviewer and employee console: a hash router over a handful of views, each a client of /api/v1.
// Nothing here uses innerHTML: see dom.js and markdown.js.

import { ApiError, claims, download, events, getJson, query, request, setToken, token, whenUnauthorized } from "./api.js";
import { append, clear, h, invoiceHref, money, statusBadge, when } from "./dom.js";
import { renderMarkdown } from "./markdown.js";

const main = document.getElementById("main");
const state = { authOn: false, role: "admin", sub: "", chatSession: null, chatLog: [], lastBatch: null };
let objectUrls = [];

function isReviewer() {
  return state.role === "reviewer" || state.role === "admin";
}

function problem(err) {
  if (err instanceof ApiError) {
    if (err.status === 404) return "Not found (or not yours to see).";
    if (err.status === 403) return "Your role does not allow this.";
    if (err.status === 401) return "Your token was refused; sign in again.";
    return `${err.message} (HTTP ${err.status})`;
  }
  return String(err && err.message ? err.message : err);
}

function notice(text, kind = "error") {
  return h("p", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

function page(title, ...children) {
  clear(main);
  append(main, [h("h1", { class: "page-title" }, title), ...children]);
}

// ---------- sign in ----------

async function probe() {
  try {
    await request("/invoices?limit=1");
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return false;
    throw err;
  }
}

function showSignIn(message) {
  document.getElementById("nav").hidden = true;
  document.getElementById("export").hidden = true;
  document.getElementById("signout").hidden = true;
  document.getElementById("whoami").textContent = "";
  const input = h("textarea", { id: "token", rows: "4", required: true, autocomplete: "off", spellcheck: "false",
    placeholder: "eyJhbGciOiJIUzI1NiIs…" });
  const form = h("form", { class: "panel signin", id: "signin" },
    h("label", { for: "token" }, "Paste your access token"),
    input,
    h("p", { class: "muted small" }, "Ask an administrator for one (reimburse token --sub NAME --role reviewer). " +
      "It is kept in this tab only and forgotten when the tab closes."),
    message ? notice(message) : null,
    h("button", { class: "button", type: "submit" }, "Sign in"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    setToken(input.value.trim());
    await start();
  });
  page("Sign in", form);
}

async function start() {
  let open;
  const hadToken = Boolean(token());
  try {
    open = await probe();
  } catch (err) {
    page("Reimburse", notice(`The service did not answer: ${problem(err)}`));
    return;
  }
  if (!open) {
    setToken(null);
    showSignIn(hadToken ? "That token was not accepted (expired or not valid)." : null);
    return;
  }
  const who = claims();
  state.authOn = Boolean(who);
  state.role = who ? who.role : "admin";
  state.sub = who ? who.sub : "";
  document.getElementById("nav").hidden = false;
  document.getElementById("export").hidden = !isReviewer(); // exports are for reviewers and admins
  document.getElementById("signout").hidden = !who;
  for (const a of document.querySelectorAll("[data-reviewer]")) a.hidden = !isReviewer();
  document.getElementById("whoami").textContent = who ? `${who.sub} · ${who.role}` : "auth off · admin";
  await route();
}

// ---------- analyse: upload, then live cards from the SSE stream ----------

function invoiceCard(r) {
  const clauses = (r.rules_applied || []).filter((rule) => rule.clause);
  return h("article", { class: "card", "data-invoice-id": r.invoice_id },
    h("header", { class: "card-head" },
      h("a", { class: "card-title", href: invoiceHref(r.invoice_id) }, r.filename),
      statusBadge(r.final_status || r.status)),
    h("p", { class: "amounts" },
      h("strong", { class: "reimbursed" }, money(r.final_amount ?? r.reimbursement_amount, r.currency)),
      h("span", { class: "muted" }, ` of ${money(r.total_amount, r.currency)}`),
      r.review ? h("span", { class: "badge decided" }, `decided: ${r.review.action}`) : null),
    h("p", { class: "meta" }, [r.vendor, r.invoice_date, (r.categories || []).join(", ")].filter(Boolean).join(" · ")),
    r.reason ? h("p", { class: "reason" }, r.reason) : null,
    clauses.length
      ? h("details", { class: "clauses" },
          h("summary", null, `${clauses.length} clause${clauses.length > 1 ? "s" : ""} cited`),
          h("ul", null, clauses.map((rule) => h("li", null, h("q", null, rule.clause), h("span", { class: "muted" }, ` (${rule.effect})`)))))
      : null,
    r.review_required || (r.flags || []).length
      ? h("ul", { class: "flags" },
          r.review_required ? h("li", { class: "flag review" }, "needs review") : null,
          (r.flags || []).map((f) => h("li", { class: "flag", title: f.message }, f.code)))
      : null);
}

function errorCard(e) {
  return h("article", { class: "card failed" },
    h("header", { class: "card-head" }, h("span", { class: "card-title" }, e.filename || e.file || "upload"),
      h("span", { class: "badge status-other" }, e.error || "error")),
    h("p", { class: "reason" }, e.message || ""));
}

function viewAnalyse() {
  const name = h("input", { id: "employee_name", name: "employee_name", required: true, maxlength: "100",
    value: state.role === "employee" ? state.sub : "", readonly: state.role === "employee" });
  const form = h("form", { class: "panel upload", id: "upload" },
    h("div", { class: "field" }, h("label", { for: "employee_name" }, "Employee"), name),
    h("div", { class: "field" }, h("label", { for: "submitted_on" }, "Submitted on (optional)"),
      h("input", { id: "submitted_on", name: "submitted_on", type: "date" })),
    h("div", { class: "field" }, h("label", { for: "employee_grade" }, "Grade (optional)"),
      h("input", { id: "employee_grade", name: "employee_grade", maxlength: "100", placeholder: "e.g. L4, Band B" })),
    h("div", { class: "field" }, h("label", { for: "location" }, "Location (optional)"),
      h("input", { id: "location", name: "location", maxlength: "100", placeholder: "e.g. Mumbai, Tier 1, international" })),
    h("div", { class: "field" }, h("label", { for: "policy_file" }, "Policy (PDF)"),
      h("input", { id: "policy_file", name: "policy_file", type: "file", accept: "application/pdf,.pdf", required: true })),
    h("div", { class: "field" }, h("label", { for: "invoices_zip" }, "Invoices (ZIP)"),
      h("input", { id: "invoices_zip", name: "invoices_zip", type: "file", accept: ".zip,application/zip", required: true })),
    h("div", { class: "actions" }, h("button", { class: "button", type: "submit", id: "analyse" }, "Analyse")));
  const progress = h("div", { class: "progress", id: "progress", hidden: true },
    h("progress", { id: "progress-bar", max: "1", value: "0" }), h("span", { id: "progress-text" }));
  const summary = h("div", { id: "summary" });
  const cards = h("section", { class: "cards", id: "cards", "aria-live": "polite" });
  if (state.lastBatch) append(cards, state.lastBatch.map((r) => (r.invoice_id ? invoiceCard(r) : errorCard(r))));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    analyse(form, progress, summary, cards);
  });
  page("Analyse a claim", form, progress, summary, cards);
}

async function analyse(form, progress, summary, cards) {
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  clear(cards);
  clear(summary);
  progress.hidden = false;
  const bar = progress.querySelector("progress");
  const text = progress.querySelector("span");
  text.textContent = "Uploading…";
  bar.removeAttribute("value");
  const seen = [];
  state.lastBatch = seen;
  const data = new FormData(form);
  for (const optional of ["submitted_on", "employee_grade", "location"]) {
    if (!String(data.get(optional) || "").trim()) data.delete(optional);
  }
  try {
    const res = await request("/analyze-invoices-stream", { method: "POST", form: data });
    for await (const event of events(res)) {
      const d = event.data || {};
      if (event.type === "metadata") {
        text.textContent = `Batch ${d.batch_id}: ${d.total_invoices} invoice(s)`;
        bar.max = Math.max(1, d.total_invoices);
        bar.value = 0;
      } else if (event.type === "progress") {
        bar.max = Math.max(1, d.total_invoices);
        text.textContent = `${d.processed_invoices ?? 0} of ${d.total_invoices} done · ${d.stage} ${d.current_filename || d.filename || ""}`;
      } else if (event.type === "result") {
        seen.push(d);
        cards.append(invoiceCard(d));
        bar.value = seen.length;
      } else if (event.type === "error") {
        seen.push(d);
        cards.append(errorCard(d));
        bar.value = seen.length;
      } else if (event.type === "done" && d) {
        bar.value = bar.max;
        text.textContent = d.message || "Done";
        append(summary, h("p", { class: "notice ok", id: "done" },
          `${d.processed_invoices} processed, ${d.failed_invoices} could not be read.`));
      }
    }
  } catch (err) {
    append(summary, notice(problem(err)));
  } finally {
    button.disabled = false;
  }
}

// ---------- invoice list ----------

function invoiceTable(items, { showEmployee = true } = {}) {
  if (!items.length) return h("p", { class: "muted empty" }, "Nothing here.");
  return h("div", { class: "table-wrap" },
    h("table", { class: "list" },
      h("thead", null, h("tr", null, h("th", null, "Invoice"), showEmployee ? h("th", { class: "wide-only" }, "Employee") : null,
        h("th", { class: "wide-only" }, "Date"), h("th", null, "Status"), h("th", { class: "num" }, "Paid"), h("th", { class: "num wide-only" }, "Total"),
        h("th", { class: "wide-only" }, "Flags"))),
      h("tbody", null, items.map((r) =>
        h("tr", { "data-invoice-id": r.invoice_id },
          h("td", null, h("a", { href: invoiceHref(r.invoice_id) }, r.filename), h("div", { class: "muted small" }, r.vendor || ""),
            h("div", { class: "muted small narrow-only" }, [r.employee_name, r.invoice_date].filter(Boolean).join(" · "))),
          showEmployee ? h("td", { class: "wide-only" }, r.employee_name) : null,
          h("td", { class: "wide-only" }, r.invoice_date || "—"),
          h("td", null, statusBadge(r.final_status || r.status), r.review ? h("span", { class: "badge decided" }, r.review.action) : null),
          h("td", { class: "num" }, money(r.final_amount ?? r.reimbursement_amount, r.currency)),
          h("td", { class: "num wide-only" }, money(r.total_amount, r.currency)),
          h("td", { class: "wide-only" }, (r.flags || []).map((f) => h("span", { class: "flag", title: f.message }, f.code))))))));
}

function filterForm(fields, values, onSubmit) {
  const form = h("form", { class: "filters" },
    fields.map(([name, label, options]) =>
      h("label", null, label,
        options
          ? h("select", { name }, options.map(([v, t]) => h("option", { value: v, selected: values[name] === v }, t)))
          : h("input", { name, value: values[name] || "", maxlength: "100" }))),
    h("button", { class: "button ghost", type: "submit" }, "Filter"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onSubmit(Object.fromEntries(new FormData(form)));
  });
  return form;
}

const STATUS_OPTIONS = [["", "any status"], ["fully_reimbursed", "fully reimbursed"],
  ["partially_reimbursed", "partially reimbursed"], ["declined", "declined"]];

async function viewInvoices(params) {
  const filters = { employee_name: params.get("employee_name") || "", status: params.get("status") || "" };
  const offset = Number(params.get("offset") || 0);
  const go = (f, o = 0) => { location.hash = `#/invoices${query({ ...f, offset: o || "" })}`; };
  const exportButton = h("button", { class: "button ghost", type: "button", id: "export-filtered" }, "Export these as CSV");
  exportButton.addEventListener("click", () => exportCsv(filters));
  page("Invoices", filterForm([["employee_name", "Employee"], ["status", "Status", STATUS_OPTIONS]], filters, (f) => go(f)),
    h("p", { class: "muted" }, "Loading…"));
  try {
    const pageData = await getJson(`/invoices${query({ ...filters, limit: 50, offset })}`);
    main.lastChild.replaceWith(
      h("div", null,
        h("div", { class: "toolbar" }, h("span", { class: "muted" }, `${pageData.total} invoice(s)`), isReviewer() ? exportButton : null),
        invoiceTable(pageData.items),
        pager(pageData, (o) => go(filters, o))));
  } catch (err) {
    main.lastChild.replaceWith(notice(problem(err)));
  }
}

function pager(p, go) {
  if (p.total <= p.limit) return null;
  return h("nav", { class: "pager" },
    h("button", { class: "button ghost", type: "button", disabled: p.offset === 0, onclick: () => go(Math.max(0, p.offset - p.limit)) }, "Newer"),
    h("span", { class: "muted" }, `${p.offset + 1}–${Math.min(p.total, p.offset + p.items.length)} of ${p.total}`),
    h("button", { class: "button ghost", type: "button", disabled: p.offset + p.limit >= p.total, onclick: () => go(p.offset + p.limit) }, "Older"));
}

// ---------- one invoice: the original beside what was read, the verdict, history, decision ----------

function dl(pairs) {
  return h("dl", { class: "fields" }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => [h("dt", null, k), h("dd", null, v)]));
}

async function showDocument(box, id) {
  try {
    const res = await request(`/invoices/${encodeURIComponent(id)}/document`);
    const type = (res.headers.get("content-type") || "").split(";")[0].trim().toLowerCase();
    const blob = await res.blob();
    const url = URL.createObjectURL(blob);
    objectUrls.push(url);
    clear(box);
    if (type === "image/heic" || type === "image/heif" || type === "image/tiff") {
      // browsers do not draw these: the file is still there to download
      box.append(h("p", { class: "muted doc-missing" }, `No preview for ${type} in a browser.`));
    } else if (type.startsWith("image/")) {
      box.append(h("img", { src: url, alt: "The original invoice", class: "doc-image" }));
    } else if (type === "application/pdf") {
      // Chromium's and Firefox's viewers read these: no thumbnail pane, page fitted to the width
      box.append(h("iframe", { src: `${url}#navpanes=0&view=FitH`, title: "The original invoice (PDF)", class: "doc-frame" }));
    } else {
      box.append(h("pre", { class: "doc-text" }, await blob.text()));
    }
    box.append(h("p", { class: "small" }, h("a", { href: url, download: "" }, "Download the original")));
  } catch (err) {
    clear(box);
    box.append(h("p", { class: "muted doc-missing" },
      err instanceof ApiError && err.status === 404 ? "The original document is not available." : problem(err)));
  }
}

function historyList(events_) {
  if (!events_.length) return h("p", { class: "muted" }, "No events yet.");
  return h("ol", { class: "history" }, events_.map((e) =>
    h("li", null,
      h("span", { class: "history-when" }, when(e.at)),
      h("strong", null, e.event), " by ", e.actor || "—", " · ", statusBadge(e.status), " ",
      e.amount !== undefined && e.amount !== null ? money(e.amount, state.currency) : "",
      e.note ? h("div", { class: "note" }, e.note) : null)));
}

function decisionForm(r, reload) {
  const amount = h("input", { id: "amount", name: "amount", type: "number", step: "0.01", min: "0",
    max: String(r.total_amount), value: String(r.final_amount ?? r.reimbursement_amount) });
  const amountField = h("div", { class: "field", hidden: true }, h("label", { for: "amount" }, `Amount (${r.currency}, 0 to ${r.total_amount})`), amount);
  const note = h("textarea", { id: "note", name: "note", rows: "2", maxlength: "2000" });
  const out = h("div", { class: "decision-out" });
  const choice = (value, label) => h("label", { class: "choice" },
    h("input", { type: "radio", name: "action", value, checked: value === "approve" }), label);
  const form = h("form", { class: "decision", id: "decision" },
    h("fieldset", null, h("legend", null, "Decision"),
      h("div", { class: "choices" }, choice("approve", "Approve"), choice("adjust", "Adjust"), choice("reject", "Reject")),
      amountField,
      h("div", { class: "field" }, h("label", { for: "note" }, "Note (needed to adjust or reject)"), note),
      h("button", { class: "button", type: "submit" }, "Record decision")),
    out);
  form.addEventListener("change", () => {
    amountField.hidden = new FormData(form).get("action") !== "adjust";
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const action = data.get("action");
    const body = { action, version: r.version };
    if (action === "adjust") body.amount = Number(amount.value);
    if (note.value.trim()) body.note = note.value.trim();
    clear(out);
    try {
      await request(`/invoices/${encodeURIComponent(r.invoice_id)}/review`, { method: "POST", json: body });
      await reload("Decision recorded.");
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        await reload("Someone changed this invoice since you opened it; here it is as it is now. Decide again.", "error");
      } else {
        out.append(notice(problem(err)));
      }
    }
  });
  return form;
}

async function viewInvoice(id, message, kind = "ok") {
  page("Invoice", h("p", { class: "muted" }, "Loading…"));
  let r;
  try {
    r = await getJson(`/invoices/${encodeURIComponent(id)}`);
  } catch (err) {
    page("Invoice", notice(problem(err)));
    return;
  }
  state.currency = r.currency;
  const docBox = h("div", { class: "doc", id: "document" }, h("p", { class: "muted" }, "Loading the original…"));
  const historyBox = h("div", { id: "history" }, h("p", { class: "muted" }, "Loading…"));
  const reload = (msg, k) => viewInvoice(id, msg, k);
  const decided = r.review
    ? h("div", { class: "notice ok decided-box" },
        h("strong", null, `${r.review.action} by ${r.review.reviewer}`), ` on ${when(r.review.decided_at)}: `,
        money(r.review.amount, r.currency), r.review.note ? h("div", { class: "note" }, r.review.note) : null)
    : null;
  const clauses = (r.rules_applied || []);
  page(r.filename,
    message ? notice(message, kind) : null,
    h("div", { class: "invoice-layout" },
      h("section", { class: "panel doc-panel" }, h("h2", null, "Original"), docBox),
      h("section", { class: "panel details" },
        h("h2", null, "Verdict"),
        h("p", { class: "verdict" }, statusBadge(r.final_status || r.status), " ",
          h("strong", { id: "final-amount" }, money(r.final_amount ?? r.reimbursement_amount, r.currency)),
          h("span", { class: "muted" }, ` of ${money(r.total_amount, r.currency)}`)),
        r.review ? h("p", { class: "muted small" }, "Engine's verdict: ", statusBadge(r.status), " ",
          money(r.reimbursement_amount, r.currency)) : null,
        decided,
        h("p", { class: "reason" }, r.reason),
        (r.policy_violations || []).length ? h("ul", { class: "violations" }, r.policy_violations.map((v) => h("li", null, v))) : null,
        (r.flags || []).length || r.review_required
          ? h("ul", { class: "flags" }, r.review_required ? h("li", { class: "flag review" }, "needs review") : null,
              (r.flags || []).map((f) => h("li", { class: "flag-line" }, h("span", { class: "flag" }, f.code), " ", f.message)))
          : null,
        h("h2", null, "Read from the document"),
        dl([["Employee", r.employee_name], ["Vendor", r.vendor], ["Invoice number", r.invoice_number],
          ["Invoice date", r.invoice_date], ["Total", money(r.total_amount, r.currency)],
          ["Amount due", r.amount_due !== null && r.amount_due !== undefined ? money(r.amount_due, r.currency) : null],
          ["Categories", (r.categories || []).join(", ")], ["Read by", r.extractor],
          ["Batch", r.batch_id], ["Analysed", when(r.analyzed_at)],
          ["Policy", r.policy_id ? h("a", { href: `#/policy/${encodeURIComponent(r.policy_id)}` }, `${r.policy_id} (version ${r.policy_version})`) : null]]),
        h("h2", null, "Rules applied"),
        clauses.length
          ? h("ul", { class: "rules" }, clauses.map((rule) =>
              h("li", null, h("span", { class: "badge effect" }, rule.effect), " ", h("q", null, rule.clause))))
          : h("p", { class: "muted" }, "No policy rule applied."),
        isReviewer() ? decisionForm(r, reload) : null,
        h("h2", null, "History"),
        historyBox)));
  showDocument(docBox, id);
  try {
    clear(historyBox).append(historyList(await getJson(`/invoices/${encodeURIComponent(id)}/history`)));
  } catch (err) {
    const text = err instanceof ApiError && err.status === 403 ? "The history is shown to reviewers." : problem(err);
    clear(historyBox).append(h("p", { class: "muted" }, text));
  }
}

// ---------- review queue ----------

async function viewQueue(params) {
  const filters = { employee_name: params.get("employee_name") || "", category: params.get("category") || "" };
  const batch = params.get("batch_id") || "";
  const offset = Number(params.get("offset") || 0);
  const go = (f, o = 0) => { location.hash = `#/queue${query({ ...f, batch_id: batch, offset: o || "" })}`; };
  page("Review queue", filterForm([["employee_name", "Employee"], ["category", "Category"]], filters, (f) => go(f)),
    h("p", { class: "muted" }, "Loading…"));
  try {
    const q = await getJson(`/review-queue${query({ ...filters, batch_id: batch, limit: 50, offset })}`);
    main.lastChild.replaceWith(h("div", null,
      batch ? h("p", { class: "muted" }, "Batch ", h("code", null, batch), " · ", h("a", { href: "#/queue" }, "all batches")) : null,
      h("p", { class: "queue-count", id: "queue-count", "data-total": String(q.total) },
        q.total === 1 ? "1 invoice waiting for a decision" : `${q.total} invoices waiting for a decision`,
        h("span", { class: "muted" }, " · oldest first")),
      invoiceTable(q.items),
      pager(q, (o) => go(filters, o))));
  } catch (err) {
    main.lastChild.replaceWith(notice(problem(err)));
  }
}

// ---------- batches and policies ----------

function paidByStatus(rows) {
  // [{status, currency, count, final_amount}] -> one line per status and currency
  return (rows || []).map((t) =>
    h("div", { class: "sum-line" }, statusBadge(t.status), ` ${t.count} · `, money(t.final_amount, t.currency)));
}

async function viewBatches() {
  page("Batches", h("p", { class: "muted" }, "Loading…"));
  const parts = [];
  try {
    const b = await getJson("/batches?limit=50");
    const batchExport = (x) => {
      const button = h("button", { class: "button ghost small", type: "button" }, "CSV");
      button.addEventListener("click", () => exportCsv({ batch_id: x.batch_id }));
      return button;
    };
    parts.push(h("p", { class: "muted" }, `${b.total} batch(es), newest first`), b.items.length
      ? h("div", { class: "table-wrap" }, h("table", { class: "list batches" },
          h("thead", null, h("tr", null, h("th", null, "Batch"), h("th", { class: "wide-only" }, "Policy"),
            h("th", { class: "num" }, "Invoices"), h("th", null, "To review"), h("th", null, "Paid (decisions applied)"),
            h("th", { class: "wide-only" }, ""))),
          h("tbody", null, b.items.map((x) => h("tr", null,
            h("td", null, h("div", null, x.employee_name), h("div", { class: "muted small" }, when(x.created_at)),
              h("code", { class: "small" }, x.batch_id), h("div", { class: "narrow-only" }, batchExport(x))),
            h("td", { class: "wide-only" }, x.policy_filename || x.policy_id),
            h("td", { class: "num" }, String(x.invoice_count)),
            h("td", null, x.pending_review_count
              ? h("a", { href: `#/queue${query({ batch_id: x.batch_id })}` }, `${x.pending_review_count} waiting`)
              : h("span", { class: "muted" }, "none"),
              x.decided_count ? h("div", { class: "muted small" }, `${x.decided_count} decided`) : null),
            h("td", null, paidByStatus(x.by_final_status)),
            h("td", { class: "wide-only" }, batchExport(x)))))))
      : h("p", { class: "muted" }, "No batches yet."));
  } catch (err) {
    parts.push(notice(problem(err)));
  }
  if (isReviewer()) {
    try {
      const items = await getJson("/policies");
      parts.push(h("h2", null, "Policies"), items.length
        ? h("div", { class: "table-wrap" }, h("table", { class: "list" },
            h("thead", null, h("tr", null, h("th", null, "Policy"), h("th", { class: "num" }, "Version"),
              h("th", { class: "num" }, "Rules"), h("th", { class: "num wide-only" }, "Categories"),
              h("th", { class: "num" }, "Invoices"), h("th", { class: "wide-only" }, "First seen"))),
            h("tbody", null, items.map((x) => h("tr", null,
              h("td", null, h("a", { href: `#/policy/${encodeURIComponent(x.policy_id)}` }, x.filename),
                h("div", { class: "muted small" }, x.title || ""), h("code", { class: "small" }, x.policy_id)),
              h("td", { class: "num" }, String(x.version)), h("td", { class: "num" }, String(x.rule_count)),
              h("td", { class: "num wide-only" }, String(x.category_count)), h("td", { class: "num" }, String(x.invoice_count)),
              h("td", { class: "wide-only" }, when(x.first_seen)))))))
        : h("p", { class: "muted" }, "No policies yet."));
    } catch (err) {
      parts.push(h("h2", null, "Policies"), notice(problem(err)));
    }
  }
  page("Batches", ...parts);
}

// ---------- one policy: what the machine understood, clause by clause ----------

function conditionText(condition) {
  if (condition === null || condition === undefined || condition === "") return "";
  if (typeof condition !== "object") return String(condition);
  return Object.entries(condition)
    .filter(([, v]) => v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${k.replace(/_/g, " ")}: ${Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : v}`)
    .join("; ");
}

async function viewPolicy(id) {
  page("Policy", h("p", { class: "muted" }, "Loading…"));
  let p;
  try {
    p = await getJson(`/policies/${encodeURIComponent(id)}`);
  } catch (err) {
    page("Policy", notice(problem(err)));
    return;
  }
  const rules = p.rules || [];
  const doubtful = rules.filter((r) => r.needs_review).length;
  page(p.title || p.policy_id,
    h("p", { class: "muted" }, `Version ${p.version} · ${p.currency || "no currency"} · read by ${p.interpreter || "—"} · `,
      h("code", null, p.policy_id)),
    doubtful ? notice(`${doubtful} rule(s) the reader was unsure of: check them against the clause.`, "error") : null,
    h("div", { class: "table-wrap" }, h("table", { class: "list rules-table" },
      h("thead", null, h("tr", null, h("th", null, "Type"), h("th", null, "Clause"), h("th", { class: "wide-only" }, "Condition"),
        h("th", { class: "num" }, "Confidence"))),
      h("tbody", null, rules.map((r) => h("tr", { class: r.needs_review ? "doubtful" : null },
        h("td", null, h("span", { class: "badge effect" }, r.type || r.effect), r.needs_review ? h("div", null, h("span", { class: "flag review" }, "needs review")) : null),
        h("td", null, h("q", null, r.clause), h("div", { class: "muted small" }, r.rule_id)),
        h("td", { class: "wide-only small" }, conditionText(r.condition)),
        h("td", { class: "num" }, r.confidence === undefined || r.confidence === null ? "—" : `${Math.round(Number(r.confidence) * 100)}%`)))))));
}

// ---------- chat ----------

function sourceLinks(sources) {
  if (!sources || !sources.length) return null;
  return h("div", { class: "sources" }, h("span", { class: "muted small" }, "Sources: "),
    sources.map((s) => h("a", { class: "source", href: invoiceHref(s.document_id), title: s.excerpt || "" },
      s.filename, s.employee_name ? ` (${s.employee_name})` : "")));
}

function chatBubble(role, text, sources) {
  const body = h("div", { class: "bubble-body" }, role === "assistant" ? renderMarkdown(text) : text);
  return h("div", { class: `bubble ${role}` }, body, role === "assistant" ? sourceLinks(sources) : null);
}

function viewChat() {
  const log = h("div", { class: "chat-log", id: "chat-log", "aria-live": "polite" },
    state.chatLog.map((m) => chatBubble(m.role, m.content, m.sources)));
  const input = h("textarea", { id: "question", rows: "2", maxlength: "2000", required: true,
    placeholder: "e.g. How much was reimbursed for hotels in December?" });
  const form = h("form", { class: "chat-form", id: "chat-form" }, input,
    h("button", { class: "button", type: "submit" }, "Ask"));
  const reset = h("button", { class: "button ghost", type: "button" }, "New conversation");
  reset.addEventListener("click", () => {
    state.chatSession = null;
    state.chatLog = [];
    clear(log);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    input.value = "";
    const button = form.querySelector("button");
    button.disabled = true;
    state.chatLog.push({ role: "user", content: q });
    log.append(chatBubble("user", q));
    const entry = { role: "assistant", content: "", sources: [] };
    state.chatLog.push(entry);
    const bubble = h("div", { class: "bubble assistant streaming" }, h("div", { class: "bubble-body" }));
    log.append(bubble);
    const bodyEl = bubble.firstChild;
    try {
      const res = await request("/chat/stream", { method: "POST",
        json: { query: q, session_id: state.chatSession, include_sources: true } });
      for await (const e of events(res)) {
        if (e.type === "metadata") {
          state.chatSession = e.data.session_id;
          entry.sources = e.data.sources || [];
        } else if (e.type === "content") {
          entry.content += e.data;
          clear(bodyEl).append(renderMarkdown(entry.content));
        } else if (e.type === "error") {
          bubble.append(notice((e.data && e.data.message) || "The answer failed."));
        } else if (e.type === "done") {
          if (e.data && e.data.response && !entry.content) {
            entry.content = e.data.response;
            clear(bodyEl).append(renderMarkdown(entry.content));
          }
          if (e.data && e.data.sources) entry.sources = e.data.sources;
        }
      }
    } catch (err) {
      bubble.append(notice(problem(err)));
    } finally {
      const links = sourceLinks(entry.sources);
      if (links) bubble.append(links);
      bubble.classList.remove("streaming");
      bubble.classList.add("done");
      button.disabled = false;
      log.scrollTop = log.scrollHeight;
    }
  });
  page("Chat", h("div", { class: "toolbar" }, h("span", { class: "muted" }, "Questions about the stored invoices; figures are exact."), reset),
    log, form);
}

// ---------- export ----------

async function exportCsv(filters = {}) {
  try {
    await download(`/exports/invoices.csv${query(filters)}`, "invoices.csv");
  } catch (err) {
    alertBox(`Export failed: ${problem(err)}`);
  }
}

function alertBox(text) {
  main.prepend(notice(text));
}

// ---------- routing ----------

async function route() {
  for (const url of objectUrls) URL.revokeObjectURL(url);
  objectUrls = [];
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, search] = raw.split("?");
  const params = new URLSearchParams(search || "");
  const parts = path.split("/").filter(Boolean);
  const name = parts[0] || "analyse";
  for (const a of document.querySelectorAll("#nav a")) {
    const section = { invoice: "invoices", policy: "batches" }[name] || name;
    a.classList.toggle("active", a.dataset.route === section);
  }
  if (name === "invoice" && parts[1]) return viewInvoice(decodeURIComponent(parts[1]));
  if (name === "invoices") return viewInvoices(params);
  if (name === "policy" && parts[1]) return viewPolicy(decodeURIComponent(parts[1]));
  if (name === "queue") return viewQueue(params);
  if (name === "batches") return viewBatches();
  if (name === "chat") return viewChat();
  return viewAnalyse();
}

window.addEventListener("hashchange", () => {
  if (document.getElementById("nav").hidden) return;
  route();
});
document.getElementById("signout").addEventListener("click", () => {
  setToken(null);
  state.chatSession = null;
  state.chatLog = [];
  state.lastBatch = null;
  showSignIn("Signed out.");
});
document.getElementById("export").addEventListener("click", () => exportCsv());
whenUnauthorized(() => {
  setToken(null);
  showSignIn("Your token has expired or was refused; paste a new one.");
});
start();
