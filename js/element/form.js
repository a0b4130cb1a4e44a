// The settings of <jwt-lens>'s Decode view, built from the core's tables (js/generated/tables.js): the "Check against
// a service" picker with one option per target kind and each target's fields, and the box of evaluation time, clock
// skew and expectations. Each part reads itself into `inspect` options and is set from them (the `context` property).
// A target's field is `#<kind>-<setting>` (e.g. `#apiGatewayRest-providerArns`).
import { POOL_ID_PATTERN, SECRET_ENCODINGS, TARGETS } from '../generated/tables.js';
import { fromLocalInput, h, toLocalInput, words } from './dom.js';

const POOL_ID = new RegExp(POOL_ID_PATTERN);
const NO_SPELL = { spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off' };

/** The names of the secret encodings (the core's list) for people. */
const ENCODING_WORDS = { utf8: 'UTF-8 text' };
/** The options of a secret-encoding select (the Decode view's key box and the Encode view's). */
export const encodingOptions = () => SECRET_ENCODINGS.map((v) => h('option', { value: v, text: ENCODING_WORDS[v] ?? v }));

/** The picker and the settings of every target. */
export class TargetPicker {
  /** The fields by target kind and setting name. */
  #fields = new Map();
  #boxes = new Map();

  constructor() {
    this.select = h('select', { id: 'target', 'aria-describedby': 'target-hint' },
      h('option', { value: '', text: 'None: what the token alone says' }),
      TARGETS.map((t) => h('option', { value: t.kind, text: t.label })));
    this.prompt = h('p', { class: 'prompt', id: 'prompt', hidden: true });
    this.section = h('section', { class: 'target', part: 'target' },
      h('label', { for: 'target', text: 'Check against a service' }),
      h('p', { class: 'hint', id: 'target-hint', text: 'Simulates what the service would decide, rule by rule.' }),
      this.select, TARGETS.map((t) => this.#settings(t)), this.prompt);
  }

  #settings(target) {
    const fields = new Map();
    this.#fields.set(target.kind, fields);
    const item = (s) => {
      const id = `${target.kind}-${s.name}`;
      const attrs = { id, ...NO_SPELL, 'aria-describedby': `${id}-hint` };
      const field = s.kind === 'switch' ? h('input', { id, type: 'checkbox', 'aria-describedby': `${id}-hint` })
        : s.kind === 'list' ? h('textarea', { ...attrs, rows: 2 })
          : h('input', { ...attrs, type: 'text', list: s.suggestions.length ? `${id}-list` : null });
      if (s.kind !== 'switch') field.value = s.initial;
      fields.set(s.name, { spec: s, field });
      const label = s.kind === 'switch' ? h('label', { class: 'inline', for: id }, field, s.label) : h('label', { for: id, text: s.label });
      return h('div', {}, label, s.kind === 'switch' ? null : field, h('span', { class: 'hint', id: `${id}-hint`, text: s.hint }),
        s.suggestions.length ? h('datalist', { id: `${id}-list` }, s.suggestions.map((o) => h('option', { value: o }))) : null);
    };
    const main = target.settings.filter((s) => !s.advanced).map(item);
    const optional = target.settings.filter((s) => s.advanced).map(item);
    const box = h('div', { class: 'settings', 'data-target': target.kind, hidden: true },
      h('p', { class: 'hint', text: target.summary }),
      h('div', { class: 'grid' }, main),
      optional.length ? h('details', { class: 'optional' }, h('summary', { text: 'Optional settings' }), h('div', { class: 'grid' }, optional)) : null);
    this.#boxes.set(target.kind, box);
    return box;
  }

  /** Shows the settings of the chosen target only. */
  show() {
    for (const [kind, box] of this.#boxes) box.hidden = kind !== this.select.value;
  }

  /** Chooses `target` (an options target object, or null) and fills its fields. */
  set(target) {
    const fields = target ? this.#fields.get(target.kind) : undefined;
    this.select.value = fields ? target.kind : '';
    for (const { spec, field } of fields?.values() ?? []) {
      const value = target[spec.name];
      if (spec.kind === 'switch') field.checked = value === true;
      else if (spec.kind === 'list') field.value = (value ?? []).join('\n');
      else field.value = value ?? '';
    }
    this.show();
  }

  /**
   * The chosen target: null for none, `{ missing, kind }` naming the required settings still empty (marked
   * aria-invalid), or `{ target }`. Required text is trimmed; optional text (a header value) is taken as typed.
   */
  read() {
    const kind = this.select.value;
    const fields = this.#fields.get(kind);
    if (!fields) return null;
    const target = { kind };
    const missing = [];
    for (const { spec, field } of fields.values()) {
      let value;
      if (spec.kind === 'switch') value = field.checked || undefined;
      else if (spec.kind === 'list') value = words(field.value);
      else value = spec.required ? field.value.trim() : field.value;
      const empty = value === undefined || value.length === 0 || (typeof value === 'string' && !value.trim());
      if (spec.required && empty) missing.push(spec.label.toLowerCase());
      if (spec.required && empty) field.setAttribute('aria-invalid', 'true');
      else field.removeAttribute('aria-invalid');
      if (!empty) target[spec.name] = value;
    }
    return missing.length ? { missing, kind } : { target };
  }
}

/** The box of evaluation time, clock skew and expectations. */
export class ContextBox {
  /** Expectations the form has no field for, kept from the `context` property as given. */
  #extra = {};

  constructor() {
    const f = (this.f = {});
    f.now = h('input', { id: 'now', type: 'datetime-local', step: 1 });
    f.skew = h('input', { id: 'skew', type: 'number', min: 0, value: '0' });
    f.issuer = h('input', { id: 'issuer', type: 'text', ...NO_SPELL, placeholder: 'us-east-1_AbC123 or https://…' });
    f.clientId = h('input', { id: 'client-id', type: 'text', ...NO_SPELL });
    f.tokenUse = h('select', { id: 'token-use' }, h('option', { value: '', text: 'either' }),
      h('option', { value: 'id', text: 'ID token' }), h('option', { value: 'access', text: 'access token' }));
    this.box = h('details', { id: 'context-box' }, h('summary', { text: 'Evaluation time, clock skew, expectations' }),
      h('div', { class: 'grid' },
        h('div', {}, h('label', { for: 'now', text: 'Evaluation time (UTC)' }), f.now, h('span', { class: 'hint', text: 'Empty: now.' })),
        h('div', {}, h('label', { for: 'skew', text: 'Clock skew (seconds)' }), f.skew),
        h('div', {}, h('label', { for: 'issuer', text: 'Expected issuer or Cognito pool id' }), f.issuer),
        h('div', {}, h('label', { for: 'client-id', text: 'Expected client id / audience' }), f.clientId),
        h('div', {}, h('label', { for: 'token-use', text: 'Expected token type' }), f.tokenUse)));
  }

  /** The evaluation time chosen, in seconds, or null for "now". */
  chosenNow() {
    return this.f.now.value ? fromLocalInput(this.f.now.value) : null;
  }

  /** Fills the fields from a context object (`now`, `clockSkew`, `expect`); opens the box when any was given. */
  set(ctx) {
    const f = this.f;
    f.now.value = typeof ctx.now === 'number' ? toLocalInput(ctx.now) : ctx.now instanceof Date ? toLocalInput(ctx.now.getTime() / 1000) : '';
    f.skew.value = ctx.clockSkew ? String(ctx.clockSkew) : '0';
    const { userPoolId, issuer, clientId, tokenUse, ...extra } = ctx.expect ?? {};
    f.issuer.value = userPoolId ?? issuer ?? '';
    f.clientId.value = clientId ?? '';
    f.tokenUse.value = tokenUse ?? '';
    this.#extra = extra;
    if (ctx.now !== undefined || ctx.clockSkew || Object.keys(ctx.expect ?? {}).length) this.box.open = true;
  }

  /**
   * `now` (the chosen time, else `defaultNow`), `clockSkew` as typed (the core checks it: a bad value is an options
   * error, shown) and `expect`, into `opts`.
   */
  read(opts, defaultNow) {
    const f = this.f;
    opts.now = this.chosenNow() ?? defaultNow;
    if (f.skew.value !== '' && f.skew.value !== '0') opts.clockSkew = Number(f.skew.value);
    const expect = { ...this.#extra };
    const issuer = f.issuer.value.trim();
    if (POOL_ID.test(issuer)) expect.userPoolId = issuer;
    else if (issuer) expect.issuer = issuer;
    if (f.clientId.value.trim()) expect.clientId = f.clientId.value.trim();
    if (f.tokenUse.value) expect.tokenUse = f.tokenUse.value;
    if (Object.keys(expect).length) opts.expect = expect;
    return opts;
  }
}
