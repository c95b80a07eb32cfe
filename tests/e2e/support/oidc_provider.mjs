// A real OpenID Connect provider for the tests, on node:http and
// node:crypto only: discovery, JWKS, an authorization endpoint that signs in
// the user the test chose (no form), and a token endpoint that checks the
// client secret, the redirect URI and the PKCE verifier (RFC 7636) and
// returns an RS256 ID token. Tests may bend one token (claims, key, kid) to
// see the relying party refuse it.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createServer } from 'node:http';

const b64url = (buffer) => Buffer.from(buffer).toString('base64url');

function newKey() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  const jwk = publicKey.export({ format: 'jwk' });
  const kid = b64url(randomBytes(8));
  return { privateKey, kid, jwk: { ...jwk, kid, use: 'sig', alg: 'RS256' } };
}

function signJwt(claims, key, kid) {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = b64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key);
  return `${header}.${payload}.${b64url(signature)}`;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/**
 * Starts the provider on a free loopback port. `clientId`/`clientSecret` is
 * the one client it knows; `authMethod` is what discovery announces
 * ('client_secret_basic' or 'client_secret_post'). The returned object:
 *   issuer, stop()
 *   user: the claims of whoever "logs in" next (set by the test;
 *         sub, email, amr)
 *   bend: one-shot changes for the next ID token:
 *         { claims: {...}, signWithOtherKey: true, kid: '...' }
 *   rotateKey(): a new signing key (a new kid) in the key set
 *   jwksFetches: how often the key set was fetched
 *   tokenRequests: the token endpoint's answers, e.g. 'ok', 'invalid_grant'
 */
export async function startOidcProvider({
  clientId = 'regie',
  clientSecret = 'test-secret',
  authMethod = 'client_secret_basic',
} = {}) {
  let current = newKey();
  const stranger = newKey();
  const codes = new Map();
  const idp = {
    issuer: '',
    user: { sub: 'sub-1', email: 'regisseur1@gm0523', amr: ['pwd', 'otp'] },
    bend: null,
    jwksFetches: 0,
    tokenRequests: [],
    rotateKey() {
      current = newKey();
    },
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, idp.issuer);
    const json = (status, body) => {
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
      });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: idp.issuer,
        authorization_endpoint: `${idp.issuer}/authorize`,
        token_endpoint: `${idp.issuer}/token`,
        jwks_uri: `${idp.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: [authMethod],
      });
    }
    if (req.method === 'GET' && url.pathname === '/jwks') {
      idp.jwksFetches += 1;
      return json(200, { keys: [current.jwk] });
    }
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const q = url.searchParams;
      if (
        q.get('client_id') !== clientId ||
        q.get('response_type') !== 'code' ||
        q.get('code_challenge_method') !== 'S256' ||
        !q.get('code_challenge') ||
        !q.get('state') ||
        !q.get('nonce') ||
        !(q.get('scope') ?? '').split(' ').includes('openid')
      ) {
        return json(400, { error: 'invalid_request' });
      }
      const code = b64url(randomBytes(16));
      codes.set(code, {
        challenge: q.get('code_challenge'),
        nonce: q.get('nonce'),
        redirectUri: q.get('redirect_uri'),
        user: { ...idp.user },
      });
      const back = new URL(q.get('redirect_uri'));
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state'));
      res.writeHead(302, { Location: back.toString() });
      return res.end();
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      const form = new URLSearchParams(await readBody(req));
      let id = form.get('client_id');
      let secret = form.get('client_secret');
      const basic = req.headers.authorization;
      if (authMethod === 'client_secret_basic') {
        if (!basic?.startsWith('Basic ')) return json(401, { error: 'invalid_client' });
        const [user, pass] = Buffer.from(basic.slice(6), 'base64').toString().split(':');
        id = decodeURIComponent(user);
        secret = decodeURIComponent(pass);
      }
      if (id !== clientId || secret !== clientSecret) {
        idp.tokenRequests.push('invalid_client');
        return json(401, { error: 'invalid_client' });
      }
      const grant = codes.get(form.get('code'));
      codes.delete(form.get('code'));
      const verifier = form.get('code_verifier') ?? '';
      if (
        form.get('grant_type') !== 'authorization_code' ||
        !grant ||
        grant.redirectUri !== form.get('redirect_uri') ||
        b64url(createHash('sha256').update(verifier).digest()) !== grant.challenge
      ) {
        idp.tokenRequests.push('invalid_grant');
        return json(400, { error: 'invalid_grant' });
      }
      const now = Math.floor(Date.now() / 1000);
      const bend = idp.bend ?? {};
      idp.bend = null;
      const claims = {
        iss: idp.issuer,
        aud: clientId,
        sub: grant.user.sub,
        email: grant.user.email,
        amr: grant.user.amr,
        nonce: grant.nonce,
        iat: now,
        exp: now + 300,
        ...bend.claims,
      };
      for (const [name, value] of Object.entries(claims))
        if (value === undefined) delete claims[name];
      const key = bend.signWithOtherKey ? stranger : current;
      idp.tokenRequests.push('ok');
      return json(200, {
        access_token: b64url(randomBytes(16)),
        token_type: 'Bearer',
        expires_in: 300,
        // The current kid even when another key signs: the signature must fail,
        // not the key lookup.
        id_token: signJwt(claims, key.privateKey, bend.kid ?? current.kid),
      });
    }
    return json(404, { error: 'not_found' });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  idp.issuer = `http://127.0.0.1:${server.address().port}`;
  idp.stop = () => new Promise((resolve) => server.close(resolve));
  return idp;
}

/** The `regie serve --oidc` file for this provider and a server at `baseUrl`. */
export function oidcConfig(
  idp,
  baseUrl,
  {
    id = 'testidp',
    name = 'Gemeente Testdam',
    nameEn = 'Municipality of Testdam',
    issuer = idp.issuer,
    clientSecret = 'test-secret',
    extra = '',
  } = {},
) {
  return `[provider.${id}]
name_nl = "${name}"
name_en = "${nameEn}"
issuer = "${issuer}"
client_id = "regie"
client_secret = "${clientSecret}"
redirect_uri = "${baseUrl}/api/v1/auth/oidc/callback"
scopes = ["openid", "email"]
${extra}
`;
}

// Standalone, to try single sign-on by hand with the demo (README, "Logging
// in to the demo"): prints the `--oidc` file for a Regie at BASE_URL and
// signs every login in as EMAIL (with a second factor in `amr`) until
// stopped.
//   node tests/e2e/support/oidc_provider.mjs http://127.0.0.1:8080 regisseur1@gm0523 > oidc.toml
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const [baseUrl = 'http://127.0.0.1:8080', email = 'regisseur1@gm0523'] = process.argv.slice(2);
  const idp = await startOidcProvider();
  idp.user = { sub: `demo-${email}`, email, amr: ['pwd', 'otp'] };
  process.stdout.write(oidcConfig(idp, baseUrl));
  process.stderr.write(
    `Test identity provider at ${idp.issuer}, signing in ${email}. Ctrl-C stops it.\n`,
  );
}
