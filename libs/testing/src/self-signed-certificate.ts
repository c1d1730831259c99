import { generate } from 'selfsigned';

export interface CertificatePair {
  key: string;
  cert: string;
}

let pending: Promise<CertificatePair> | undefined;

/**
 * A self-signed server certificate for `localhost`, `127.0.0.1` and `::1`, valid one day. Generated
 * once per process (EC P-256, which takes milliseconds) and shared by every TLS mock. Node refuses it
 * by default (DEPTH_ZERO_SELF_SIGNED_CERT); trust it with `ca: cert` or `rejectUnauthorized: false`.
 */
export function selfSignedCertificate(): Promise<CertificatePair> {
  pending ??= generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 60_000),
    notAfterDate: new Date(Date.now() + 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return pending;
}
