/**
 * Package path: the name of a file inside a package, relative to the package root (after the
 * top-level-folder rule), `/`-separated, in Unicode NFC (package-format.md "Names inside zip
 * files"). Zip entry names, folder file names, evidence paths and `selfReport` are all compared
 * in this form, so a name typed on Windows (`证明材料\合同.pdf`) or stored by macOS in NFD
 * still names the same file.
 */
export function normalizePackagePath(name: string): string {
  return name.replace(/\\/g, '/').normalize('NFC');
}

