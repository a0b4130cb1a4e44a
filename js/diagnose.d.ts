// Types of the diagnosis: the context passed in `inspect` options (expectations and target), and what comes back
// (per-token provider detection, token type, claim catalogue, and the target's verdict). Mirrors
// crate/src/diagnose/ (context.rs, mod.rs, providers.rs, catalogue.rs); nothing is `any`.
import type { FindingCode } from './codes.js';

/** Which of the two user-facing token types is meant. */
export type ExpectedTokenUse = 'id' | 'access';

/** What your own verifier expects of the token. Each field given adds a check; absent fields are not checked. */
export interface Expectations {
  /** The exact issuer (`iss`) expected. */
  issuer?: string;
  /** A Cognito user pool id (`us-east-1_AbC123`); the issuer is derived from it. */
  userPoolId?: string;
  /** A Cognito user pool ARN (`arn:aws:cognito-idp:<region>:<account>:userpool/<poolId>`); the issuer is derived from it. */
  userPoolArn?: string;
  /** An AWS region: the token's Cognito issuer must be in it. */
  region?: string;
  /** The audience expected in `aud`; any one of several is enough. */
  audience?: string | string[];
  /** The OAuth (app) client id: `aud` of an ID token, `client_id` of a Cognito access token. */
  clientId?: string;
  /** Which token type is expected. */
  tokenUse?: ExpectedTokenUse;
  /** Scopes that must all be present in `scope` / `scp`. */
  scopes?: string[];
  /** Cognito groups: the token must be in at least one (`cognito:groups`). */
  groups?: string[];
  /** The nonce sent in the authorization request; an ID token must echo it. */
  nonce?: string;
  /** The access token issued with the ID token (pasted forms like `Bearer …` are accepted); checked against `at_hash`. */
  accessToken?: string;
}

/** A Cognito user-pool API operation authorized by an access token. */
export interface CognitoApiTarget {
  kind: 'cognitoApi';
  /** The operation name as in the API reference, e.g. `GetUser`, `UpdateUserAttributes`, `ChangePassword`. */
  operation: string;
}

/** An API Gateway REST API method protected by a `COGNITO_USER_POOLS` authorizer. */
export interface ApiGatewayRestTarget {
  kind: 'apiGatewayRest';
  /** The authorizer's `providerARNs`: the user pool ARNs it accepts. */
  providerArns: string[];
  /** The method's OAuth scopes (`authorizationScopes`). Absent or empty: the method wants an ID token. */
  scopes?: string[];
  /** The authorizer's token-validation regex (`identityValidationExpression`), matched against `aud`. */
  identityValidationExpression?: string;
  /** The `Authorization` header value exactly as the client sends it. */
  headerValue?: string;
}

/** An API Gateway HTTP API route protected by a JWT authorizer. */
export interface ApiGatewayHttpTarget {
  kind: 'apiGatewayHttp';
  /** The configured issuer, compared with `iss` exactly. */
  issuer: string;
  /** The configured audiences: `aud` or `client_id` must be one of them. */
  audiences: string[];
  /** The route's authorization scopes: `scope` or `scp` must hold at least one. */
  scopes?: string[];
}

/** A generic OpenID Connect relying party validating an ID token (OIDC Core §3.1.3.7). */
export interface OidcTarget {
  kind: 'oidc';
  /** The issuer from the provider's discovery document. */
  issuer: string;
  /** The relying party's client id. */
  clientId: string;
}

/** The service a token is sent to, whose decision `inspect` simulates. */
export type Target = CognitoApiTarget | ApiGatewayRestTarget | ApiGatewayHttpTarget | OidcTarget;

/** The context of a diagnosis, part of `InspectOptions`. */
export interface DiagnoseOptions {
  /**
   * The evaluation time: seconds since the epoch, or a `Date`. Default: the caller's clock. `null` skips the checks
   * that need a time (a `TIME_NO_NOW` finding says so).
   */
  now?: number | Date | null;
  /** Leeway in seconds for `exp`, `nbf` and `iat`; default 0. A check passing only thanks to it is `TIME_WITHIN_SKEW`. */
  clockSkew?: number;
  /** What your verifier expects. */
  expect?: Expectations;
  /** The service to simulate; the result then has a `verdict`. */
  target?: Target;
}

/** What a token is for, as far as the token itself tells. */
export type TokenUse = 'id' | 'access' | 'refresh' | 'unknown';

/** The providers jwtlens recognises. */
export type ProviderId =
  | 'cognito'
  | 'entraV1'
  | 'entraV2'
  | 'auth0'
  | 'oktaOrg'
  | 'oktaCustom'
  | 'keycloak'
  | 'firebase'
  | 'google'
  | 'alb'
  | 'unknown';

/** Who issued the token, from `iss` and the token's shape. */
export interface ProviderDetection {
  id: ProviderId;
  /** The provider's name for people. */
  name: string;
  /** What the detection rests on. */
  evidence: string;
  /** A local emulator (localhost issuers, Cognito `local_` pools, the Firebase emulator). */
  emulator: boolean;
  /** AWS region (Cognito, ALB). */
  region?: string;
  /** Cognito user pool id. */
  userPoolId?: string;
  /** Entra tenant id. */
  tenantId?: string;
  /** Keycloak realm. */
  realm?: string;
  /** Firebase / Google Cloud project id. */
  projectId?: string;
  /** Okta custom authorization server id. */
  authorizationServer?: string;
}

/** A NumericDate, for people. */
export interface TimeInfo {
  /** ISO-8601 UTC, e.g. `2023-11-14T22:13:20Z`. */
  iso: string;
  /** The distance from the evaluation time in words, e.g. `expired 3 h 12 min ago`; `null` without `now`. */
  relative: string | null;
  /** Seconds from the evaluation time to this date (negative: past); `null` without `now`. */
  secondsFromNow: number | null;
}

/** One header parameter or claim, explained. */
export interface CatalogueEntry {
  part: 'header' | 'payload';
  /** Present (true) for members of the inner token of a nested JWT. */
  inner?: true;
  name: string;
  /** The specification or provider that defines it (`RFC 7519 (JWT)`, `Amazon Cognito`, …); `null` when unknown. */
  definedBy: string | null;
  /** What it means, in one line. */
  meaning: string;
  /** For time claims (`exp`, `nbf`, `iat`, `auth_time`, `updated_at`). */
  time?: TimeInfo;
}

/** A rule's outcome: `unknown` where jwtlens cannot see the answer (signature, revocation, deployment, undocumented behaviour). */
export type Outcome = 'pass' | 'fail' | 'unknown';

/** What the target would decide: `deny` if any rule fails, else `unknown` if any rule is unknown, else `allow`. */
export type Decision = 'allow' | 'deny' | 'unknown';

/** Stable ids of the rules targets apply. */
export type RuleId =
  | 'operation'
  | 'header'
  | 'format'
  | 'issuer'
  | 'signature'
  | 'tokenUse'
  | 'tokenType'
  | 'alg'
  | 'kid'
  | 'iss'
  | 'aud'
  | 'azp'
  | 'exp'
  | 'nbf'
  | 'iat'
  | 'scope'
  | 'nonce'
  | 'atHash'
  | 'validationExpression'
  | 'revocation'
  | 'deployment';

/** One rule of the target, with its outcome for this token. */
export interface Rule {
  id: RuleId;
  /** What the service checks, in one line. */
  description: string;
  outcome: Outcome;
  /** Why: the values compared, or what is unknown. */
  detail: string;
  /** The finding code that explains a failure (or an open question), when there is one. */
  code?: FindingCode;
}

/** What the target would decide for one token, and the rules that decided it (all evaluated, in the service's order). */
export interface Verdict {
  /** Index into `Inspection.tokens`. */
  token: number;
  target: Target['kind'];
  decision: Decision;
  /** One line: what the service would answer and why. */
  summary: string;
  rules: Rule[];
}

/** The diagnosis of one token. */
export interface TokenDiagnosis {
  /** Index into `Inspection.tokens`. */
  token: number;
  provider: ProviderDetection;
  tokenUse: TokenUse;
  /** What `tokenUse` was told from. */
  tokenUseReason: string;
  /** Every header parameter and claim present, in token order. */
  catalogue: CatalogueEntry[];
  /** The target's verdict for this token; `null` without a target. */
  verdict: Verdict | null;
}
