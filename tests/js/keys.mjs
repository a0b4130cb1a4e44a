// Key pairs for tests. Node 20 can deadlock when a KeyObject straight from generateKeyPairSync is exported while
// the garbage collector destroys the generation job: the export holds the key's lock, and the job's destructor, run
// by the collector on the same thread, waits for the same lock (seen in CI: gdb showed ExportJWK → GC →
// ~KeyGenJob → pthread_mutex_lock). Keys generated as PEM and imported again share no lock with the job.
import crypto from 'node:crypto';

/** `crypto.generateKeyPairSync(type, options)`, as KeyObjects that share nothing with the generation job. */
export function generateKeyPair(type, options = {}) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type, {
    ...options,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKey: crypto.createPublicKey(publicKey), privateKey: crypto.createPrivateKey(privateKey) };
}
