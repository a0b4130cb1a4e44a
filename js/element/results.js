// The result sections of <jwt-lens>'s Decode view, rendered from a view (model.js): the answers from the paste alone,
// a target's verdict rule by rule, the findings, the signature, and each token as written with its header, payload,
// claims and timeline. Everything from a token is written as text (dom.js). The element owns the sections and gives
// the callbacks: `rules(target)` (the "Rule by rule" button), `ask(type, data)` (more tokens or findings from where the
// result lives), `current(view)` (is this view still shown), `copy(text, what)` and `resign(source)`.
import { fill, h, inSlices, plural, s, yieldToBrowser } from './dom.js';
import { TOKEN_LIMIT, targetName } from './model.js';
import { dpopSection, serviceErrorsSection, tokenExtrasBlock } from './sections.js';

const SEVERITY_TITLES = { error: 'Errors', warning: 'Warnings', info: 'Notes' };
export const DECISION_WORDS = { allow: 'Allow', deny: 'Deny', unknown: 'Unknown' };

export class ResultsView {
  #uid = 0;

  /**
   * @param {Record<string, HTMLElement>} f the sections: answers, verdict, findings, signature, tokens
   * @param {{ rules(target: object): void, ask(type: string, data: object): Promise<any>, current(v: object): boolean, copy(text: string, what: string): void, resign(source: object): void }} on
   */
  constructor(f, on) {
    this.f = f;
    this.on = on;
  }

  /** "What your server said", first when the paste held a service's error message. */
  serviceErrors(v) {
    serviceErrorsSection(this.f.serviceErrors, v.serviceErrors ?? []);
  }

  /** A DPoP proof's checks, rule by rule. */
  dpop(v) {
    const label = (i) => v.tokens[i]?.label ?? `token ${i + 1}`;
    dpopSection(this.f.dpop, v.dpop ?? null, label);
  }

  answers(v) {
    const f = this.f;
    // A chosen target's verdict replaces the paste-alone answers.
    const show = !v.verdict && v.answers.length > 0;
    f.answers.hidden = !show;
    if (!show) {
      fill(f.answers);
      return;
    }
    fill(f.answers,
      h('h2', { id: 'answers-title', text: 'What services would decide' }),
      h('ol', { class: 'answers' }, v.answers.map((a) =>
        h('li', { class: `answer ${a.decision}`, 'data-decision': a.decision, 'data-token': a.token },
          h('p', {}, h('span', { class: 'badge', 'data-decision': a.decision, text: DECISION_WORDS[a.decision] ?? a.decision }),
            h('strong', { class: 'service', text: a.service }), a.tokenLabel ? h('span', { class: 'meta', text: ` (${a.tokenLabel})` }) : null),
          h('p', { class: 'reason', prose: a.reason }),
          a.fix ? h('p', { class: 'fix', prose: a.fix }) : null,
          a.target ? h('button', { type: 'button', class: 'rules', text: 'Rule by rule', onclick: () => this.on.rules(a.target) }) : null))));
  }

  verdict(v) {
    const f = this.f;
    const d = v.verdict;
    f.verdict.hidden = !d;
    if (!d) {
      fill(f.verdict);
      return;
    }
    fill(f.verdict,
      h('h2', { id: 'verdict-title', text: `${targetName(d.target)}: the verdict${d.tokenLabel ? ` for ${d.tokenLabel}` : ''}` }),
      h('p', { class: `decision-line ${d.decision}` },
        h('span', { class: 'badge', 'data-decision': d.decision, text: DECISION_WORDS[d.decision] ?? d.decision }),
        h('span', { class: 'summary', text: d.summary })),
      h('ol', { class: 'rules', 'aria-label': 'Rules, in the order the service applies them' }, d.rules.map((r) =>
        h('li', { class: `rule ${r.outcome}`, 'data-rule': r.id, 'data-outcome': r.outcome },
          h('p', {}, h('span', { class: 'badge', text: r.outcome }), h('strong', { text: r.description })),
          h('p', { class: 'detail', prose: r.detail }),
          r.settle ? h('p', { class: 'settle', text: r.settle }) : null,
          r.fix && r.outcome !== 'pass' ? h('p', { class: 'fix', prose: r.fix }) : null,
          r.code ? h('p', { class: 'meta' }, 'Finding ', h('code', { text: r.code })) : null))),
      d.assumptions.length ? h('div', {}, h('h3', { text: 'Assumed, because no client-side tool can see it' }),
        h('ul', { class: 'assumptions' }, d.assumptions.map((a) => h('li', { text: a })))) : null);
  }

  findingItem(x) {
    return h('li', { class: `finding ${x.severity}`, 'data-code': x.code, 'data-severity': x.severity, 'data-finding': x.id },
      h('p', {}, h('span', { class: 'badge', text: x.severity }), h('code', { text: x.code }),
        x.tokenLabel ? h('span', { class: 'meta', text: ` · ${x.tokenLabel}` }) : null,
        x.member ? h('span', { class: 'meta', text: ` · ${x.member}` }) : null),
      h('p', { class: 'message', prose: x.message }),
      x.excerpt ? h('p', { class: 'excerpt', 'aria-label': `At characters ${x.start + 1} to ${x.end} of the input` },
        x.excerpt.before, h('mark', { text: x.excerpt.mark }), x.excerpt.after) : null,
      x.fix ? h('p', { class: 'fix', prose: x.fix }) : null);
  }

  findings(v) {
    const f = this.f;
    const total = v.findingCounts.error + v.findingCounts.warning + v.findingCounts.info;
    f.findings.hidden = false;
    const groups = ['error', 'warning', 'info'].filter((sev) => v.findingCounts[sev] > 0).map((sev) => {
      const items = v.findings.filter((x) => x.severity === sev);
      const list = h('ol', { class: 'findings-list', 'data-severity': sev }, items.map((x) => this.findingItem(x)));
      const rest = v.findingCounts[sev] - items.length;
      const more = rest > 0 ? h('button', { type: 'button', class: 'show-all', text: `Show all ${plural(v.findingCounts[sev], sev === 'info' ? 'note' : sev)}` }) : null;
      more?.addEventListener('click', async () => {
        more.disabled = true;
        const all = await this.on.ask('findings', { severity: sev });
        list.replaceChildren();
        await inSlices(all, 50, (x) => list.append(this.findingItem(x)));
        more.remove();
      });
      return h('div', { class: 'group' }, h('h3', { class: 'group-title', text: `${SEVERITY_TITLES[sev]} (${v.findingCounts[sev].toLocaleString('en')})` }), list, more);
    });
    fill(f.findings, h('h2', { id: 'findings-title', text: total ? 'Findings' : 'Findings: none' }),
      total ? null : h('p', { text: 'Nothing wrong was found in the token itself. Signatures are checked only with a key (Verify the signature).' }),
      groups);
  }

  signature(v) {
    const f = this.f;
    f.signature.hidden = !v.verifications;
    if (!v.verifications) {
      fill(f.signature);
      return;
    }
    fill(f.signature, h('h2', { id: 'signature-title', text: 'Signature' }),
      v.verifications.length === 0 ? h('p', { text: 'No signed token to verify.' }) : null,
      v.verifications.map((ver) => h('div', { class: 'verification' },
        h('p', { class: `decision-line ${ver.valid ? 'valid' : 'invalid'}` },
          h('span', { class: 'badge', text: ver.valid ? 'Valid' : 'Not verified' }),
          ver.valid ? `${ver.algorithm}, key ${ver.matchedKey.index + 1}${ver.matchedKey.kid ? `, kid ${ver.matchedKey.kid}` : ''}` : (ver.algorithm ?? ''),
          v.tokenCount > 1 ? h('span', { class: 'meta', text: ` (${ver.tokenLabel})` }) : null),
        h('ol', { class: 'attempts', 'aria-label': 'Keys tried' }, ver.attempts.map((a) =>
          h('li', { class: `attempt ${a.outcome === 'matched' ? 'matched' : 'fail'}` },
            h('p', {}, h('strong', { text: `Key ${a.key + 1}` }), a.kid ? h('span', { class: 'meta', text: ` kid ${a.kid}` }) : null,
              a.describe ? h('span', { class: 'meta', text: ` · ${a.describe}` }) : null),
            h('p', { text: a.reason }),
            a.thumbprint ? h('p', { class: 'meta mono', text: `thumbprint ${a.thumbprint}` }) : null))),
        h('ol', { class: 'findings-list' }, ver.findings.map((x) => this.findingItem(x))))));
  }

  tokens(v) {
    const f = this.f;
    f.tokens.hidden = v.tokenCount === 0;
    const grid = h('div', { class: 'tokens' }, v.tokens.map((t) => this.#tokenCard(t, v)));
    let more = null;
    if (v.more) {
      const kinds = Object.entries(v.more.kinds).map(([k, n]) => `${n.toLocaleString('en')} ${k.toUpperCase()}`).join(', ');
      const button = h('button', { type: 'button', class: 'show-all', text: `Show all ${plural(v.tokenCount, 'token')}` });
      more = h('div', { class: 'more' },
        h('p', { text: `${plural(v.more.count, 'more token')} not shown: ${kinds}; ${plural(v.more.withErrors, 'has errors', 'have errors').replace(/^(\S+) /, '$1 of them ')}.` }),
        button);
      button.addEventListener('click', async () => {
        button.disabled = true;
        button.textContent = 'Showing all…';
        for (let from = v.tokens.length; from < v.tokenCount; from += TOKEN_LIMIT) {
          const batch = await this.on.ask('tokens', { from, to: from + TOKEN_LIMIT });
          if (!this.on.current(v)) return;
          grid.append(...batch.map((t) => this.#tokenCard(t, v)));
          await yieldToBrowser();
        }
        more.remove();
      });
    }
    fill(f.tokens, h('h2', { id: 'tokens-title', text: v.tokenCount === 1 ? 'The token' : `The tokens (${v.tokenCount.toLocaleString('en')})` }), grid, more);
  }

  #tokenCard(t, v, inner = false) {
    const id = `t${++this.#uid}`;
    const what = [t.kind.toUpperCase(), t.tokenUse && t.tokenUse !== 'unknown' ? `${t.tokenUse === 'id' ? 'ID' : t.tokenUse} token` : null,
      t.provider && t.provider.id !== 'unknown' ? t.provider.name : null].filter(Boolean).join(' · ');
    const copy = (label, text) => h('button', { type: 'button', text: label, onclick: () => this.on.copy(text, label.replace(/^Copy /, 'the ')) });
    const header = h('header', {},
      h(inner ? 'h4' : 'h3', { id: `${id}-title` }, v.tokenCount > 1 || inner ? `${t.label}: ` : '', what),
      h('div', { class: 'actions' },
        inner ? null : copy('Copy token', t.compact),
        t.header ? copy('Copy header', t.header.text) : null,
        t.payload ? copy('Copy payload', t.payload.text) : null,
        t.source ? h('button', { type: 'button', class: 'resign', text: 'Edit and re-sign', onclick: () => this.on.resign(t.source) }) : null));
    const pair = h('div', { class: `json-pair${t.header && t.payload ? ' two' : ''}` },
      t.header ? jsonFigure('Header', 'header', t.header) : null,
      t.payload ? jsonFigure(t.kind === 'jwe' ? 'Payload' : 'Payload', 'payload', t.payload) : null);
    return h(inner ? 'div' : 'article', { class: `token${inner ? ' inner' : ''}`, 'data-token': t.index, 'aria-labelledby': `${id}-title` },
      header,
      t.provider && !inner ? h('p', { class: 'meta', text: `${t.provider.evidence} ${t.tokenUseReason ?? ''}`.trim() }) : null,
      t.written ? h('div', {}, h('h4', { text: 'As written' }), writtenBlock(t.written)) : null,
      pair,
      t.kind === 'jwe' && !t.extras?.decryption ? h('p', { class: 'meta', text: 'Encrypted (JWE): only the header can be read without the recipient\'s key.' }) : null,
      tokenExtrasBlock(t.extras),
      t.signature ? h('p', { class: 'meta signature' },
        `Signature: ${plural(t.signature.bytes, 'byte')}, not checked here`,
        v.verifications ? ' (see Signature above).' : ' — paste a key under "Verify the signature" to check it.') : null,
      t.claims.length ? h('div', {}, h('h4', { text: 'Claims' }), this.#claims(t, id)) : null,
      t.timeline ? timelineFigure(t.timeline, id) : null,
      t.inner ? this.#tokenCard(t.inner, v, true) : null);
  }

  #claims(t, id) {
    return h('dl', { class: 'claims' }, t.claims.flatMap((c, n) => {
      const tip = `${id}-tip-${n}`;
      const meaning = `${c.part === 'header' ? 'Header parameter. ' : ''}${c.meaning ?? 'No description.'}${c.definedBy ? ` (${c.definedBy})` : ''}${c.duplicate ? ' Appears more than once: parsers disagree on which one counts.' : ''}`;
      return [
        h('dt', {}, h('span', { class: `claim-name${c.duplicate ? ' dup' : ''}`, tabindex: 0, 'aria-describedby': tip, text: c.name }),
          h('span', { class: 'tip', role: 'tooltip', id: tip, text: meaning })),
        h('dd', {}, h('span', { class: 'value', text: c.value }),
          c.time ? h('span', { class: 'time', text: `${c.time.iso.replace('T', ' ').replace('Z', ' UTC')}` }) : null,
          c.time?.local ? h('span', { class: 'time', text: `${c.time.local} (your time zone)` }) : null,
          c.time?.relative ? h('span', { class: 'time', text: c.time.relative }) : null),
      ];
    }));
  }
}

/** The status line of a result, announced to screen readers. */
export function statusText(v) {
  if (v.verdict) return `${DECISION_WORDS[v.verdict.decision] ?? v.verdict.decision}: ${v.verdict.summary}`;
  const c = v.findingCounts;
  const parts = [plural(v.tokenCount, 'token')];
  if (v.answers.length) {
    const deny = v.answers.filter((a) => a.decision === 'deny').length;
    parts.push(`${plural(v.answers.length, 'service')} judged${deny ? `, ${deny} would refuse it` : ''}`);
  }
  parts.push(c.error ? plural(c.error, 'error') : 'no errors');
  if (c.warning) parts.push(plural(c.warning, 'warning'));
  return `${parts.join(', ')}.`;
}

function jsonFigure(title, part, j) {
  const pre = h('pre', { class: `json ${part}`, tabindex: 0, 'aria-label': `${title} JSON` });
  if (j.pieces) {
    // Marks from line/column findings (a duplicate member) land on the piece that starts at that source offset.
    const marked = new Map(j.marks.map((m) => [m.at, m]));
    j.pieces.forEach(([cls, text], i) => {
      if (cls === 'space') pre.append(text);
      else {
        const m = marked.get(j.map[i]);
        pre.append(h('span', { class: m ? `${cls} err` : cls, 'data-finding': m?.finding, title: m ? m.code : null, text }));
      }
    });
  } else if (j.marks.length) {
    // Not JSON: shown verbatim, the error position marked.
    const at = Math.min(...j.marks.map((m) => m.at));
    pre.append(j.text.slice(0, at), h('mark', { text: j.text.slice(at, at + 1) || ' ', 'data-finding': j.marks[0].finding }), j.text.slice(at + 1));
  } else {
    pre.textContent = j.text;
  }
  return h('figure', {}, h('figcaption', { text: j.raw ? `${title} (not JSON, shown as decoded)` : title }), pre);
}

function writtenBlock(w) {
  const p = h('p', { class: 'written', 'aria-label': 'The token as written: header, payload and signature segments' });
  for (const piece of w.pieces) {
    const cls = `seg-${piece.part ?? 'none'}`;
    if (piece.marks.length) p.append(h('mark', { class: cls, 'data-finding': piece.marks.join(' '), text: piece.text }));
    else p.append(h('span', { class: cls, text: piece.text }));
  }
  return p;
}

const TIME_WORDS = { auth_time: 'signed in (auth_time)', iat: 'issued (iat)', nbf: 'valid from (nbf)', exp: 'expires (exp)' };

function timelineFigure(tl, id) {
  const marks = tl.points.map((p) => ({ key: p.name, label: p.name, t: p.seconds, cls: 'claim' }));
  marks.push({ key: 'clock', label: 'now', t: tl.clock, cls: 'clock' });
  if (tl.evaluation !== null && Math.abs(tl.evaluation - tl.clock) > 1) marks.push({ key: 'evaluation', label: 'evaluation', t: tl.evaluation, cls: 'evaluation' });
  const ts = marks.map((m) => m.t);
  let lo = Math.min(...ts);
  let hi = Math.max(...ts);
  if (hi - lo < 60) {
    lo -= 30;
    hi += 30;
  }
  const x = (t) => 3 + (94 * (t - lo)) / (hi - lo);
  const at = (name) => tl.points.find((p) => p.name === name)?.seconds;
  const start = at('nbf') ?? at('iat');
  const end = at('exp');
  // Marks at the same second share one label ("iat, auth_time").
  const merged = [];
  for (const m of marks.sort((a, b) => a.t - b.t)) {
    const same = merged.find((g) => Math.abs(g.t - m.t) < 1 && g.cls === m.cls);
    if (same) {
      same.label += `, ${m.label}`;
      same.keys.push(m.key);
    } else {
      merged.push({ ...m, keys: [m.key] });
    }
  }
  // Two label rows (above and below the bar); a label goes to the row whose last label is farther away.
  const lastX = [-100, -100];
  const children = [s('rect', { class: 'bar', x: '1%', y: 30, width: '98%', height: 10, rx: 3 })];
  if (end !== undefined) {
    const from = start !== undefined ? x(start) : 1;
    children.push(s('rect', { class: 'window', x: `${from}%`, y: 31, width: `${Math.max(0.5, x(end) - from)}%`, height: 8 }));
  }
  for (const m of merged) {
    const px = x(m.t);
    const row = px - lastX[0] >= px - lastX[1] ? 0 : 1;
    lastX[row] = px + m.label.length * 0.9;
    const anchor = px < 12 ? 'start' : px > 88 ? 'end' : 'middle';
    children.push(s('line', { class: `tick ${m.cls}`, x1: `${px}%`, x2: `${px}%`, y1: 24, y2: 46 }));
    children.push(s('text', { class: m.cls, x: `${px}%`, y: row === 0 ? 16 : 62, 'text-anchor': anchor, text: m.label }));
  }
  const ref = tl.evaluation ?? tl.clock;
  const state = end === undefined ? 'It has no expiry.'
    : ref >= end ? 'It had expired at the evaluation time.'
      : start !== undefined && ref < start ? 'It was not yet valid at the evaluation time.'
        : 'It was within its validity at the evaluation time.';
  const word = (key) => TIME_WORDS[key] ?? (key === 'clock' ? 'now' : 'the evaluation time');
  const order = merged.map((m) => m.keys.map(word).join(' and ')).join(', then ');
  const caption = `Timeline: ${order}. ${state}`;
  return h('figure', { class: 'timeline' }, h('h4', { text: 'Timeline' }),
    s('svg', { role: 'img', 'aria-labelledby': `${id}-tl` }, children),
    h('figcaption', { id: `${id}-tl`, text: caption }));
}

