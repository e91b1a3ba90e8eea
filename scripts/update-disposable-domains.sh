#!/usr/bin/env bash
# Refreshes the disposable-domain list the address verifier ships
# (src/main/resources/contact/disposable-email-domains.txt) from the npm package
# disposable-email-domains: its exact list (index.json) and its wildcard list (wildcard.json)
# become one list, since the verifier counts subdomains of every listed domain anyway.
# Internationalized names are written in their ASCII (punycode) form, as the verifier looks
# them up. Needs npm and node. Usage: scripts/update-disposable-domains.sh [version]
set -euo pipefail

version="${1:-latest}"
target="$(cd "$(dirname "$0")/.." && pwd)/src/main/resources/contact/disposable-email-domains.txt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
tarball="$(npm pack --silent "disposable-email-domains@$version")"
tar -xzf "$tarball"

TARGET="$target" node - <<'JS'
const fs = require('fs');
const { domainToASCII } = require('url');
const pkg = JSON.parse(fs.readFileSync('package/package.json', 'utf8'));
const read = (file) => JSON.parse(fs.readFileSync(`package/${file}`, 'utf8'));
const domains = new Set();
for (const name of [...read('index.json'), ...read('wildcard.json')]) {
  const ascii = domainToASCII(name.trim().toLowerCase());
  if (ascii) {
    domains.add(ascii);
  }
}
const header = [
  '# Disposable email domains, one per line; subdomains of a listed domain count too.',
  `# Source: npm package ${pkg.name} ${pkg.version} (index.json and wildcard.json), ${pkg.license} license,`,
  `# maintained by Ilya Volodarsky and contributors at ${pkg.repository.replace(/^.*github\.com\//, '').replace(/\.git$/, '')} on GitHub.`,
  '# Provided "as is", without warranty of any kind. Internationalized names are in ASCII (punycode).',
  '# Refresh: scripts/update-disposable-domains.sh [version]',
];
fs.writeFileSync(process.env.TARGET, header.concat([...domains].sort()).join('\n') + '\n');
console.log(`${domains.size} domains from ${pkg.name} ${pkg.version} written to ${process.env.TARGET}`);
JS
