// The <jwt-lens> element's styles, adopted into its shadow root as a constructed stylesheet: no <style> element
// and no style attribute, so the element runs under a Content-Security-Policy without 'unsafe-inline'.
// Colours meet WCAG AA (4.5:1 for text) on both themes' backgrounds and surfaces; the light theme is the default,
// the dark one follows `prefers-color-scheme` unless the host sets theme="light" or theme="dark".
export const css = String.raw`
:host {
  --jl-bg: #ffffff; --jl-fg: #1b1f24; --jl-muted: #545d68; --jl-surface: #f4f6f8; --jl-border: #c8d0d8;
  --jl-focus: #0a58ca; --jl-accent: #0a58ca; --jl-accent-fg: #ffffff;
  --jl-error: #b42318; --jl-warning: #8a4600; --jl-info: #0a58ca; --jl-ok: #17692f; --jl-unknown: #6a3fb5;
  --jl-header: #a4161a; --jl-payload: #7b2cbf; --jl-signature: #075e85; --jl-dot: #545d68;
  --jl-mark-bg: #ffe066; --jl-mark-fg: #1b1f24; --jl-window: #d6ecdc; --jl-tip-bg: #1b1f24; --jl-tip-fg: #ffffff;
  --jl-mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  display: block; color: var(--jl-fg); background: var(--jl-bg); font: 1rem/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) {
    --jl-bg: #0f1217; --jl-fg: #e6edf3; --jl-muted: #a3adb8; --jl-surface: #181d24; --jl-border: #3a434e;
    --jl-focus: #79b8ff; --jl-accent: #79b8ff; --jl-accent-fg: #0f1217;
    --jl-error: #ff8f87; --jl-warning: #e9b949; --jl-info: #79b8ff; --jl-ok: #5fd17a; --jl-unknown: #cfa8ff;
    --jl-header: #ff8f87; --jl-payload: #d6b0ff; --jl-signature: #6fc3ee; --jl-dot: #a3adb8;
    --jl-mark-bg: #7a5c00; --jl-mark-fg: #ffffff; --jl-window: #1f4029; --jl-tip-bg: #e6edf3; --jl-tip-fg: #0f1217;
    color-scheme: dark;
  }
}
:host([theme="dark"]) {
  --jl-bg: #0f1217; --jl-fg: #e6edf3; --jl-muted: #a3adb8; --jl-surface: #181d24; --jl-border: #3a434e;
  --jl-focus: #79b8ff; --jl-accent: #79b8ff; --jl-accent-fg: #0f1217;
  --jl-error: #ff8f87; --jl-warning: #e9b949; --jl-info: #79b8ff; --jl-ok: #5fd17a; --jl-unknown: #cfa8ff;
  --jl-header: #ff8f87; --jl-payload: #d6b0ff; --jl-signature: #6fc3ee; --jl-dot: #a3adb8;
  --jl-mark-bg: #7a5c00; --jl-mark-fg: #ffffff; --jl-window: #1f4029; --jl-tip-bg: #e6edf3; --jl-tip-fg: #0f1217;
  color-scheme: dark;
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.lens { container-type: inline-size; min-width: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
details.optional { margin-top: 0.6rem; }
@container (max-width: 30rem) {
  .toolbar button { font-size: 0.875rem; min-height: 2rem; padding: 0.15rem 0.5rem; }
  h2 { font-size: 1.05rem; }
}
h2 { font-size: 1.15rem; margin: 1.4rem 0 0.5rem; }
h3 { font-size: 1.05rem; margin: 0; overflow-wrap: anywhere; }
h4 { font-size: 0.95rem; margin: 1rem 0 0.3rem; }
p { margin: 0.4rem 0; }
code, pre, textarea.mono, .mono { font-family: var(--jl-mono); font-size: 0.875rem; }
a { color: var(--jl-accent); }
:focus-visible { outline: 3px solid var(--jl-focus); outline-offset: 2px; }
button, input, select, textarea { font: inherit; color: inherit; }
button {
  background: var(--jl-surface); border: 1px solid var(--jl-border); border-radius: 6px; padding: 0.3rem 0.7rem;
  cursor: pointer; min-height: 2.25rem;
}
button:hover { border-color: var(--jl-fg); }
button.primary { background: var(--jl-accent); color: var(--jl-accent-fg); border-color: var(--jl-accent); }
input, select, textarea {
  background: var(--jl-bg); border: 1px solid var(--jl-border); border-radius: 6px; padding: 0.35rem 0.5rem; max-width: 100%;
}
textarea { width: 100%; display: block; resize: vertical; overflow-wrap: anywhere; word-break: break-all; }
input:not([type="checkbox"]), select { width: 100%; min-height: 2.25rem; }
label { display: block; font-weight: 600; margin: 0.6rem 0 0.25rem; }
label.inline { display: flex; gap: 0.4rem; align-items: center; font-weight: 400; margin: 0.2rem 0; }
.hint { color: var(--jl-muted); font-size: 0.875rem; font-weight: 400; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0 0 0.4rem; }
.toolbar .hint { margin-right: 0.2rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr)); gap: 0 1rem; }
details { margin: 0.6rem 0; border: 1px solid var(--jl-border); border-radius: 8px; padding: 0.3rem 0.8rem; }
details[open] { padding-bottom: 0.8rem; }
summary { cursor: pointer; font-weight: 600; padding: 0.3rem 0; }
.notice { padding: 0.5rem 0.8rem; border-radius: 8px; background: var(--jl-surface); border-left: 4px solid var(--jl-info); }
.notice.error { border-left-color: var(--jl-error); }
.prompt { border-left: 4px solid var(--jl-warning); background: var(--jl-surface); padding: 0.5rem 0.8rem; border-radius: 8px; }
.status { font-weight: 600; margin-top: 1rem; }
.note { color: var(--jl-muted); min-height: 1.4em; font-size: 0.9rem; }

/* Answers and the verdict: first thing under the form. */
.answers, .rules, .findings-list, .attempts, .assumptions, .service-errors { list-style: none; margin: 0; padding: 0; }
.answer, .rule, .finding, .attempt, .service-error {
  border: 1px solid var(--jl-border); border-left: 5px solid var(--jl-border); border-radius: 8px; padding: 0.5rem 0.8rem;
  margin: 0.5rem 0; background: var(--jl-bg); min-width: 0; overflow-wrap: anywhere;
}
.badge {
  display: inline-block; font-weight: 700; font-size: 0.8rem; letter-spacing: 0.04em; text-transform: uppercase;
  border: 1.5px solid currentColor; border-radius: 999px; padding: 0 0.5rem; margin-right: 0.4rem; background: var(--jl-bg);
}
.deny, .fail, .error, .invalid { --jl-tone: var(--jl-error); }
.allow, .pass, .valid, .matched { --jl-tone: var(--jl-ok); }
.unknown { --jl-tone: var(--jl-unknown); }
.warning { --jl-tone: var(--jl-warning); }
.info { --jl-tone: var(--jl-info); }
/* What the server said: confirmed (the token has the problem it names), contradicted (look elsewhere), unknown. */
.service-error.confirmed { --jl-tone: var(--jl-error); }
.service-error.contradicted { --jl-tone: var(--jl-warning); }
.service-error p { margin: 0.2rem 0; }
.service-error .quote { background: var(--jl-surface); padding: 0.2rem 0.4rem; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; }
.answer, .rule, .finding, .attempt, .service-error { border-left-color: var(--jl-tone, var(--jl-border)); }
.badge { color: var(--jl-tone, var(--jl-fg)); }
/* Passing rules take one line each, so the failing ones and their fixes stay near the top. */
.rule.pass { padding: 0.15rem 0.6rem; margin: 0.25rem 0; border-width: 0 0 0 5px; border-radius: 0; }
.rule.pass p { display: inline; margin: 0; }
.rule.pass .detail { color: var(--jl-muted); font-size: 0.9rem; }
.rule.pass .detail::before { content: " — "; }
.decision-line { font-size: 1.1rem; }
.decision-line .badge { font-size: 0.95rem; }
.fix { margin: 0.3rem 0 0; }
.fix::before { content: "Fix: "; font-weight: 700; }
.settle::before { content: "To settle it: "; font-weight: 700; }
.meta { color: var(--jl-muted); font-size: 0.875rem; }
.excerpt { font-family: var(--jl-mono); font-size: 0.85rem; background: var(--jl-surface); padding: 0.2rem 0.4rem; border-radius: 4px; overflow-wrap: anywhere; word-break: break-all; white-space: pre-wrap; }
.finding code, .rule code { font-weight: 700; }
.message code, .fix code, .reason code, .detail code, .meaning code, .agreement code { font-weight: 400; overflow-wrap: anywhere; }
.group-title { font-size: 1rem; margin: 1rem 0 0.2rem; }

/* Tokens. */
.tokens { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); gap: 1rem; }
.token { border: 1px solid var(--jl-border); border-radius: 10px; padding: 0.8rem 1rem; min-width: 0; background: var(--jl-bg); }
.token.inner { margin-top: 1rem; border-style: dashed; }
.token header { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; justify-content: space-between; align-items: baseline; }
.actions { display: flex; flex-wrap: wrap; gap: 0.3rem; }
.actions button { font-size: 0.85rem; min-height: 2rem; padding: 0.15rem 0.55rem; }
.written { font-family: var(--jl-mono); font-size: 0.85rem; overflow-wrap: anywhere; word-break: break-all; white-space: pre-wrap; background: var(--jl-surface); padding: 0.5rem; border-radius: 6px; margin: 0; }
.seg-header { color: var(--jl-header); }
.seg-payload { color: var(--jl-payload); }
.seg-signature { color: var(--jl-signature); }
.seg-encryptedKey, .seg-iv, .seg-ciphertext, .seg-tag { color: var(--jl-signature); }
.seg-none { color: var(--jl-dot); }
mark { background: var(--jl-mark-bg); color: var(--jl-mark-fg); outline: 2px solid var(--jl-error); border-radius: 2px; }
.json-pair { display: grid; grid-template-columns: 1fr; gap: 0 1rem; }
@container (min-width: 44rem) { .json-pair.two { grid-template-columns: minmax(0, 1fr) minmax(0, 2fr); } }
figure { margin: 0; min-width: 0; }
figcaption { font-weight: 600; margin: 0.8rem 0 0.3rem; }
pre.json { margin: 0; padding: 0.5rem 0.7rem; background: var(--jl-surface); border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; }
pre.json .key { color: var(--jl-header); }
.json.payload .key { color: var(--jl-payload); }
pre.json .string { color: var(--jl-ok); }
pre.json .number, pre.json .literal { color: var(--jl-info); }
pre.json .dup { text-decoration: underline wavy var(--jl-error); background: var(--jl-mark-bg); color: var(--jl-mark-fg); }
pre.json .dup::after { content: " duplicate"; font-family: system-ui, sans-serif; font-size: 0.75rem; font-weight: 700; }
pre.json .err { background: var(--jl-mark-bg); color: var(--jl-mark-fg); outline: 2px solid var(--jl-error); }
/* An SD-JWT's disclosures: the value column takes the rest and wraps (a long value must not widen the page). */
table.disclosures { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0.3rem 0 0.6rem; font-size: 0.875rem; }
table.disclosures th { text-align: left; font-weight: 600; border-bottom: 1px solid var(--jl-border); padding: 0.2rem 0.5rem 0.2rem 0; }
table.disclosures th:first-child { width: 30%; }
table.disclosures th:last-child { width: 7.5rem; }
table.disclosures td { padding: 0.2rem 0.5rem 0.2rem 0; vertical-align: top; border-bottom: 1px solid var(--jl-surface); overflow-wrap: anywhere; word-break: break-word; }
table.disclosures tr[data-status="unreferenced"] td:last-child, table.disclosures tr[data-status="invalid"] td:last-child { color: var(--jl-error); font-weight: 700; }
.claims { margin: 0; display: grid; grid-template-columns: minmax(6rem, max-content) minmax(0, 1fr); gap: 0.25rem 0.8rem; }
@container (max-width: 26rem) { .claims { grid-template-columns: minmax(0, 1fr); } .claims dd { margin-bottom: 0.4rem; } }
.claims dt { position: relative; font-family: var(--jl-mono); font-size: 0.875rem; font-weight: 700; overflow-wrap: anywhere; }
.claims dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.claims .value { font-family: var(--jl-mono); font-size: 0.875rem; word-break: break-word; }
.claims .time { display: block; color: var(--jl-muted); font-size: 0.85rem; }
.claim-name { border-bottom: 1px dotted currentColor; cursor: help; }
.claim-name.dup { color: var(--jl-error); }
.tip {
  display: none; position: absolute; z-index: 2; left: 0; top: 100%; margin-top: 0.25rem; width: max-content; max-width: min(22rem, 80cqw);
  background: var(--jl-tip-bg); color: var(--jl-tip-fg); font: 400 0.85rem/1.35 system-ui, sans-serif; padding: 0.4rem 0.6rem; border-radius: 6px;
}
.claim-name:hover + .tip, .claim-name:focus + .tip, .tip:hover { display: block; }
.timeline svg { display: block; width: 100%; height: 4.5rem; overflow: visible; }
.timeline .bar { fill: var(--jl-surface); stroke: var(--jl-border); }
.timeline .window { fill: var(--jl-window); }
.timeline .tick { stroke: var(--jl-fg); stroke-width: 2; }
.timeline .tick.clock, .timeline .tick.evaluation { stroke: var(--jl-accent); stroke-width: 3; }
.timeline text { fill: var(--jl-fg); font-size: 0.75rem; font-family: var(--jl-mono); }
.timeline text.clock, .timeline text.evaluation { fill: var(--jl-accent); font-weight: 700; }
.timeline figcaption { font-weight: 400; font-size: 0.9rem; color: var(--jl-muted); margin: 0.2rem 0 0; }
.more { margin-top: 1rem; padding: 0.8rem 1rem; border: 1px dashed var(--jl-border); border-radius: 10px; }
.report-tools { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.redactions { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr)); gap: 0 0.8rem; border: 0; padding: 0; margin: 0.4rem 0 0; }
.redactions legend { font-weight: 600; padding: 0; margin-bottom: 0.3rem; }
.redactions label { font-family: var(--jl-mono); font-size: 0.85rem; overflow-wrap: anywhere; }
.fallback-copy { width: 100%; margin-top: 0.5rem; }

/* Two views of one element: Decode and Encode. */
.tabs { display: flex; gap: 0.3rem; border-bottom: 1px solid var(--jl-border); margin: 0 0 0.8rem; }
.tabs [role="tab"] { border-radius: 6px 6px 0 0; border-bottom-width: 0; margin-bottom: -1px; background: var(--jl-bg); min-width: 6rem; }
.tabs [role="tab"][aria-selected="true"] { background: var(--jl-surface); border-color: var(--jl-fg); border-bottom: 1px solid var(--jl-surface); font-weight: 700; }
.editors { display: grid; grid-template-columns: 1fr; gap: 0 1rem; }
@container (min-width: 44rem) { .editors { grid-template-columns: minmax(0, 1fr) minmax(0, 2fr); } }
.json-error { color: var(--jl-error); font-size: 0.9rem; margin: 0.3rem 0 0; overflow-wrap: anywhere; }
textarea[aria-invalid="true"] { border-color: var(--jl-error); border-width: 2px; }
.check { display: flex; align-items: flex-end; padding-bottom: 0.4rem; }
.encode .key { margin-top: 0.4rem; }
.encode .toolbar { margin-top: 0.5rem; }
.encode .toolbar .hint { min-width: 0; overflow-wrap: anywhere; }
.output { margin-top: 1rem; }
.signed-token { font-family: var(--jl-mono); font-size: 0.85rem; overflow-wrap: anywhere; word-break: break-all; white-space: pre-wrap; background: var(--jl-surface); padding: 0.5rem; border-radius: 6px; margin: 0.3rem 0; min-height: 2.2rem; }
/* .fetch-spinner: the same, in the key box (its own class, so the Encode view's .spinner stays one element). */
.spinner, .fetch-spinner {
  display: inline-block; width: 1.1rem; height: 1.1rem; border: 3px solid var(--jl-border); border-top-color: var(--jl-accent);
  border-radius: 50%; animation: jl-spin 0.8s linear infinite;
}
@keyframes jl-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner, .fetch-spinner { animation-duration: 3s; } }

/* The key box: key files and the issuer's keys (js/element-keys.js). */
.key-file .toolbar { margin-top: 0.5rem; }
textarea.drop { outline: 3px dashed var(--jl-accent); outline-offset: 2px; }
textarea.file-note { font-family: inherit; font-style: italic; color: var(--jl-muted); background: var(--jl-surface); }
.fetch-keys { margin-top: 0.6rem; padding-top: 0.6rem; border-top: 1px solid var(--jl-border); }
.fetch-keys code, #fetch-keys-offline code { overflow-wrap: anywhere; word-break: break-all; }
.notice.warning { border-left-color: var(--jl-warning); margin: 0.4rem 0; }
.requests { margin: 0.2rem 0; padding-left: 1.4rem; overflow-wrap: anywhere; }
`;
