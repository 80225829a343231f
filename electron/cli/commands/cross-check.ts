/**
 * `alliance-review cross-check <package…> [--earlier <package…>] [--json]`: the evidence
 * cross-check (docs/cross-check.md) over the packages given, against the earlier years'
 * packages after `--earlier`: the same file or identifier claimed twice, similar images and
 * pages, wrong check characters, dates (docs/cli.md).
 *
 * `--json` prints exactly `{ "findings": [ { kind, identifier, places: [ { allianceId, year,
 * criterion, itemId, file, page } ], detail } ] }` in the findings' stable order; without it,
 * one finding a paragraph. Exit 0 with or without findings (they are hints); 1 for invalid
 * input (a package that is not valid, two packages of one alliance and year); 2 usage.
 */
import { crossCheck } from '../../../shared/integrity/cross-check.ts';
import { findingKindNames, placeLabel, type Finding } from '../../../shared/integrity/finding.ts';
import { closeFileFeatures } from '../../integrity/file-features.ts';
import { readCheckedPackages, type PackageToCheck } from '../../integrity/read-checked-packages.ts';
import { resolve } from 'node:path';
import { exitCode, UsageError, type CliIo, type Command } from '../command.ts';
import { oneLine } from '../terminal-text.ts';

export interface CrossCheckJson {
  readonly findings: readonly Finding[];
}

/** The findings as the JSON output names them, keys in the documented order. */
export function crossCheckJson(findings: readonly Finding[]): CrossCheckJson {
  return {
    findings: findings.map((f) => ({
      kind: f.kind,
      identifier: f.identifier,
      places: f.places.map((p) => ({ allianceId: p.allianceId, year: p.year, criterion: p.criterion, itemId: p.itemId, file: p.file, page: p.page })),
      detail: f.detail,
    })),
  };
}

interface Arguments {
  readonly packages: readonly PackageToCheck[];
  readonly json: boolean;
}

function parseArguments(args: readonly string[], cwd: string): Arguments {
  const packages: PackageToCheck[] = [];
  let json = false;
  let earlier = false;
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg === '--earlier') earlier = true;
    else if (arg.startsWith('--earlier=')) packages.push({ path: resolve(cwd, arg.slice('--earlier='.length)), earlier: true });
    else if (arg.startsWith('-')) throw new UsageError(`参数不对 bad option：不认识 ${arg}`);
    else packages.push({ path: resolve(cwd, arg), earlier });
  }
  if (!packages.some((p) => !p.earlier)) throw new UsageError('缺少材料包路径 missing <package>：至少给出一个本次会议的材料包（.zip 文件或文件夹）');
  if (earlier && !packages.some((p) => p.earlier)) throw new UsageError('--earlier 后面缺少往年的材料包 missing earlier packages');
  return { packages, json };
}

function findingsText(findings: readonly Finding[], packages: number, earlier: number): string {
  const against = earlier > 0 ? `，对照往年材料包 ${earlier} 个` : '';
  if (findings.length === 0) return `核查了 ${packages} 个材料包${against}：没有发现需要核对的情况。\n`;
  const blocks = findings.map((f, i) => {
    const places = f.places.map((p) => `    · ${oneLine(placeLabel(p, { year: true }))}\n`).join('');
    return `${i + 1}. [${f.kind}] ${findingKindNames[f.kind]}${f.identifier === null ? '' : ` ${oneLine(f.identifier)}`}\n   ${oneLine(f.detail)}\n${places}`;
  });
  return `${blocks.join('\n')}\n核查了 ${packages} 个材料包${against}：${findings.length} 条提示。每条都只是提示，不是结论，也不改变分数。\n`;
}

export const crossCheckCommand: Command = {
  name: 'cross-check',
  summary: '材料核查：同一文件或编号被重复申报、相似图片和页面、校验位、日期 cross-check the evidence of packages',
  usage: 'alliance-review cross-check <package.zip|文件夹>… [--earlier <往年的材料包>…] [--json]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { packages, json } = parseArguments(args, io.cwd);
    try {
      const read = await readCheckedPackages(packages);
      if (!read.ok) {
        for (const p of read.problems) io.err(`错误 error [${p.code}] ${oneLine(p.path)}：${oneLine(p.message)}\n`);
        if (!json) io.out(`✗ 输入无效 invalid input：错误 ${read.problems.length} 条。请按以上提示改正后再试。\n`);
        return exitCode.invalid;
      }
      const findings = crossCheck(read.packages);
      const earlier = read.packages.filter((p) => p.earlier).length;
      io.out(json ? `${JSON.stringify(crossCheckJson(findings), null, 2)}\n` : findingsText(findings, read.packages.length - earlier, earlier));
      return exitCode.ok;
    } finally {
      await closeFileFeatures();
    }
  },
};
