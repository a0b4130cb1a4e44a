//! Native verification speed, per algorithm: the figures behind `npm run bench`'s wasm rows without WebAssembly,
//! and a repeatable workload for profilers.
//!
//! ```sh
//! cargo run --release -p jwtlens --example verify_speed            # every algorithm, full `verify` and the primitive
//! cargo run --release -p jwtlens --example verify_speed -- RS256   # one algorithm (a comma-separated list works too)
//! N=200 valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*verify_speed*measure*' \
//!   target/release/examples/verify_speed PS256
//! ```
//!
//! Keys are generated from a fixed seed (so every run measures the same numbers); tokens are signed here with the
//! signing side of the same crates. `N` sets the number of calls per row (default: enough for about 0.3 s).

use std::hint::black_box;
use std::time::Instant;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use sha2::Digest as _;

/// A deterministic generator (SHA-256 of a counter) for key generation and nonces. Not for real keys.
struct SeededRng(u64);

impl rsa::rand_core::RngCore for SeededRng {
    fn next_u32(&mut self) -> u32 {
        let mut b = [0; 4];
        self.fill_bytes(&mut b);
        u32::from_le_bytes(b)
    }
    fn next_u64(&mut self) -> u64 {
        let mut b = [0; 8];
        self.fill_bytes(&mut b);
        u64::from_le_bytes(b)
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for chunk in dest.chunks_mut(32) {
            self.0 += 1;
            let block = sha2::Sha256::digest(self.0.to_le_bytes());
            chunk.copy_from_slice(&block[..chunk.len()]);
        }
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rsa::rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}
impl rsa::rand_core::CryptoRng for SeededRng {}

fn b64(bytes: &[u8]) -> String {
    B64.encode(bytes)
}

fn scalar(seed: &str, len: usize) -> Vec<u8> {
    // A hash of a label is a valid private scalar for these curves with overwhelming probability; P-521 needs its
    // top byte to fit in one bit.
    let mut out = sha2::Sha512::digest(seed.as_bytes()).to_vec();
    out.extend_from_slice(&sha2::Sha512::digest(out.as_slice()));
    out.truncate(len);
    if len == 66 {
        out[0] &= 1;
    }
    out
}

/// A signed token and the public key as JWK text, for `alg`.
fn fixture(alg: &str) -> (String, String) {
    let header = b64(format!("{{\"alg\":\"{alg}\",\"kid\":\"bench\"}}").as_bytes());
    let payload = b64(br#"{"sub":"bench","iss":"https://issuer.example","exp":4102444800}"#);
    let input = format!("{header}.{payload}");
    let msg = input.as_bytes();
    let (signature, jwk) = match alg {
        "HS256" | "HS384" | "HS512" => {
            let key = scalar("hmac", 64);
            let tag = match alg {
                "HS256" => hmac_tag::<sha2::Sha256>(&key, msg),
                "HS384" => hmac_tag::<sha2::Sha384>(&key, msg),
                _ => hmac_tag::<sha2::Sha512>(&key, msg),
            };
            (tag, oct(&key))
        }
        "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512" => {
            use rsa::traits::PublicKeyParts as _;
            let bits = std::env::var("RSA_BITS").ok().and_then(|v| v.parse().ok()).unwrap_or(2048);
            let key = rsa::RsaPrivateKey::new(&mut SeededRng(bits as u64), bits).unwrap();
            let mut rng = SeededRng(1);
            let sig = match alg {
                "RS256" => key.sign(rsa::Pkcs1v15Sign::new::<sha2::Sha256>(), &sha2::Sha256::digest(msg)),
                "RS384" => key.sign(rsa::Pkcs1v15Sign::new::<sha2::Sha384>(), &sha2::Sha384::digest(msg)),
                "RS512" => key.sign(rsa::Pkcs1v15Sign::new::<sha2::Sha512>(), &sha2::Sha512::digest(msg)),
                "PS256" => key.sign_with_rng(&mut rng, rsa::Pss::new::<sha2::Sha256>(), &sha2::Sha256::digest(msg)),
                "PS384" => key.sign_with_rng(&mut rng, rsa::Pss::new::<sha2::Sha384>(), &sha2::Sha384::digest(msg)),
                _ => key.sign_with_rng(&mut rng, rsa::Pss::new::<sha2::Sha512>(), &sha2::Sha512::digest(msg)),
            }
            .unwrap();
            let jwk = format!(
                r#"{{"kty":"RSA","kid":"bench","n":"{}","e":"{}"}}"#,
                b64(&key.n().to_bytes_be()),
                b64(&key.e().to_bytes_be())
            );
            (sig, jwk)
        }
        "ES256" => {
            use p256::ecdsa::signature::Signer as _;
            let key = p256::ecdsa::SigningKey::from_slice(&scalar("p256", 32)).unwrap();
            let sig: p256::ecdsa::Signature = key.sign(msg);
            (sig.to_bytes().to_vec(), ec_jwk("P-256", key.verifying_key().to_encoded_point(false).as_bytes()))
        }
        "ES384" => {
            use p384::ecdsa::signature::Signer as _;
            let key = p384::ecdsa::SigningKey::from_slice(&scalar("p384", 48)).unwrap();
            let sig: p384::ecdsa::Signature = key.sign(msg);
            (sig.to_bytes().to_vec(), ec_jwk("P-384", key.verifying_key().to_encoded_point(false).as_bytes()))
        }
        "ES512" => {
            use p521::ecdsa::signature::RandomizedSigner as _;
            let key = p521::ecdsa::SigningKey::from_slice(&scalar("p521", 66)).unwrap();
            let sig: p521::ecdsa::Signature = key.sign_with_rng(&mut SeededRng(2), msg);
            let point = p521::ecdsa::VerifyingKey::from(&key).to_encoded_point(false);
            (sig.to_bytes().to_vec(), ec_jwk("P-521", point.as_bytes()))
        }
        "ES256K" => {
            use k256::ecdsa::signature::Signer as _;
            let key = k256::ecdsa::SigningKey::from_slice(&scalar("k256", 32)).unwrap();
            let sig: k256::ecdsa::Signature = key.sign(msg);
            (sig.to_bytes().to_vec(), ec_jwk("secp256k1", key.verifying_key().to_encoded_point(false).as_bytes()))
        }
        "EdDSA" => {
            use ed25519_dalek::Signer as _;
            let key = ed25519_dalek::SigningKey::from_bytes(&scalar("ed25519", 32).try_into().unwrap());
            let jwk = format!(
                r#"{{"kty":"OKP","crv":"Ed25519","kid":"bench","x":"{}"}}"#,
                b64(key.verifying_key().as_bytes())
            );
            (key.sign(msg).to_bytes().to_vec(), jwk)
        }
        other => panic!("unknown algorithm {other}"),
    };
    fixture_with(&input, signature, jwk)
}

fn hmac_tag<D: sha2::Digest + hmac::digest::core_api::BlockSizeUser>(key: &[u8], msg: &[u8]) -> Vec<u8> {
    use hmac::Mac as _;
    let mut mac = hmac::SimpleHmac::<D>::new_from_slice(key).unwrap();
    mac.update(msg);
    mac.finalize().into_bytes().to_vec()
}

fn oct(key: &[u8]) -> String {
    format!(r#"{{"kty":"oct","kid":"bench","k":"{}"}}"#, b64(key))
}

fn ec_jwk(crv: &str, sec1: &[u8]) -> String {
    let len = (sec1.len() - 1) / 2;
    format!(
        r#"{{"kty":"EC","crv":"{crv}","kid":"bench","x":"{}","y":"{}"}}"#,
        b64(&sec1[1..=len]),
        b64(&sec1[1 + len..])
    )
}

fn fixture_with(input: &str, signature: Vec<u8>, jwk: String) -> (String, String) {
    (format!("{input}.{}", b64(&signature)), jwk)
}

/// Runs `f` `n` times (or for about 0.3 s when `n` is 0) and returns calls per second.
#[inline(never)]
fn measure(n: u32, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    let mut calls = 0u32;
    loop {
        f();
        calls += 1;
        if (n > 0 && calls >= n) || (n == 0 && start.elapsed().as_secs_f64() > 0.3) {
            break;
        }
    }
    f64::from(calls) / start.elapsed().as_secs_f64()
}

const ALL: &[&str] = &[
    "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
    "ES256K", "EdDSA",
];

fn main() {
    let filter = std::env::args().nth(1);
    let n: u32 = std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let options = jwtlens::VerifyOptions::default();
    println!("{:<8} {:>12} {:>12}", "alg", "verify/s", "primitive/s");
    for &alg in ALL {
        if filter.as_deref().is_some_and(|f| !f.split(',').any(|a| a == alg)) {
            continue;
        }
        let (token, keys) = fixture(alg);
        let check = jwtlens::verify(&token, &keys, &options);
        assert!(check.valid, "{alg}: {:?}", check.findings);
        let key = jwtlens::parse_keys(&keys, &jwtlens::KeyOptions::default()).keys.remove(0);
        let (input, sig) = token.rsplit_once('.').unwrap();
        let signature = B64.decode(sig).unwrap();
        let full = measure(n, || {
            black_box(jwtlens::verify(black_box(&token), black_box(&keys), &options));
        });
        let raw = measure(n, || {
            black_box(jwtlens::verify_raw(alg, &key, black_box(input.as_bytes()), black_box(&signature))).unwrap();
        });
        println!("{alg:<8} {full:>12.0} {raw:>12.0}");
    }
}
