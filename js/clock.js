// The one place the JavaScript side reads the clock. The core never does: it is given an evaluation time (the
// binding defaults it to Date.now() when a caller gives none). The element reads it here for the default `now` it
// passes, the "now" mark of a token's timeline, the example tokens' times and the Encode view's iat.

/** Seconds since the Unix epoch, now. */
export const clockSeconds = () => Date.now() / 1000;
