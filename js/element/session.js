// A session keeps the last full result where it was computed (main thread or Worker) and answers the element's
// follow-up questions (more tokens, all findings, the report) without moving the whole result around.
import { findingViews, tokenViews, view } from './model.js';
import { report } from './report.js';

/** @param {{ inspect(input: string, options?: object): object }} api */
export function createSession(api) {
  let last = null;
  return {
    /** Answers with another module from now on (the full one once loaded), keeping the last result. */
    use(next) {
      api = next;
    },
    run(input, options, limits) {
      const result = api.inspect(input, options);
      const withMeanings = { ...limits, describe: api.describeClaims };
      last = { result, input, options, limits: withMeanings };
      return view(result, input, options, withMeanings);
    },
    tokens(from, to) {
      return last ? tokenViews(last.result, last.input, last.options, from, to, last.limits) : [];
    },
    findings(severity) {
      return last ? findingViews(last.result, last.input, severity) : [];
    },
    report(settings) {
      return last ? report(last.result, last.input, last.options, settings) : '';
    },
  };
}
