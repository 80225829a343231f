/**
 * The merge benchmark's floor, in a bare Node script: read every sheet and package file once
 * and verify each sheet's Ed25519 signature over its RFC 8785 form. Nothing else a merge does
 * (schemas, completeness, scoring, result) is here.
 *
 * usage: node test/bench/verify-floor.ts <sheet…> -- <package…>
 */
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import canonicalize from 'canonicalize';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const sheets = args.slice(0, split);
const packages = args.slice(split + 1);
const started = performance.now();
let bytes = 0;
for (const file of packages) bytes += readFileSync(file).length;
for (const file of sheets) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  const sheet = JSON.parse(text) as Record<string, unknown> & { signature: { publicKey: string; value: string } };
  const { signature, ...unsigned } = sheet;
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(signature.publicKey, 'base64').toString('base64url') }, format: 'jwk' });
  if (!verify(null, Buffer.from(canonicalize(unsigned) ?? '', 'utf8'), key, Buffer.from(signature.value, 'base64'))) throw new Error(`bad signature: ${file}`);
}
process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, bytes })}\n`);
