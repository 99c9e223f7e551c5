import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '@kechuang/cli';
import { createCommunity, isKechuangError, memoryStorage, type CommunitySession, type SubmitRequestInput } from '@kechuang/community';
import { generateMengchuang, loadDemo, mengchuangConfigText } from '@kechuang/demo';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grid } from './cookbook-grid-plugin.js';
import { jsonObject, mergeRecipe, parseSections, shellWords, type CookbookSection, type FencedBlock, type MergedRecipe } from './cookbook-recipes.js';

// The routing cookbook's YAML must be valid and its examples true. Each ```yaml block is merged
// into the Mengchuang config (as the cookbook tells readers to) and validated with the `grid`
// plugin the cookbook shows; each `kechuang route` / `kechuang check` line of a ```sh block is
// run in-process against the section's last YAML block (or the plain Mengchuang config), on a
// SQLite database holding the demo directory; the ```text block after it lists lines the output
// must contain, in order.
const FILE = 'docs/routing-cookbook.md';
const root = join(import.meta.dirname, '..', '..');
const sections = parseSections(readFileSync(join(root, FILE), 'utf8'));
const recipes = sections.filter((section) => /^\d+\./.test(section.heading));
const base = jsonObject(parse(mengchuangConfigText()), 'the Mengchuang config');
const directory = generateMengchuang({ enterprises: 300 });
const dir = mkdtempSync(join(tmpdir(), 'routing-cookbook-'));
const zones = { dream_town: ['P01', 'P02', 'P03', 'P04', 'P05', 'P06'] };
const community = createCommunity({ storage: memoryStorage(), plugins: [grid({ zones, dutyOrder: ['MC-P001'] })] });
let system: CommunitySession;
let demo: Awaited<ReturnType<typeof loadDemo>>;

beforeAll(async () => {
  const office = await community.offices.create(directory.office);
  system = community.as({ kind: 'system', officeId: office.id });
  demo = await loadDemo(system, directory);
  // The database the CLI opens: the same directory, the Mengchuang config in force.
  const storage = sqliteStorage({ filename: join(dir, 'kechuang.sqlite') });
  try {
    const cli = createCommunity({ storage });
    const cliOffice = await cli.offices.create(directory.office);
    const loaded = await loadDemo(cli.as({ kind: 'system', officeId: cliOffice.id }), directory);
    await cli.as({ kind: 'member', officeId: cliOffice.id, memberId: loaded.stationHeadId }).config.update(mengchuangConfigText(), { filename: 'kechuang.config.yaml' });
  } finally {
    await storage.close?.();
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function merged(block: FencedBlock): MergedRecipe {
  return mergeRecipe(base, block, FILE);
}

/** Every problem the SDK finds in a merged recipe, at its Markdown line. */
async function problemsOf(block: FencedBlock): Promise<string[]> {
  const recipe = merged(block);
  const input: SubmitRequestInput = { communityId: demo.communityId, channel: 'phone', category: 'other', title: '诉求' };
  try {
    await system.routing.explain(input, { config: stringify(recipe.config) });
    return [];
  } catch (error) {
    if (!isKechuangError(error, 'VALIDATION_FAILED')) throw error;
    const issues = error.details.issues ?? [];
    if (issues.length === 0) return [`${FILE}:${block.line}: ${error.message}`];
    return issues.map((issue) => `${FILE}:${recipe.lineOf(issue.path) ?? block.line}: ${issue.path.join('.')}: ${issue.message}`);
  }
}

/** The YAML blocks of a section, and what the checks after each run against. */
function checksOf(section: CookbookSection): { command: string[]; line: number; expected: FencedBlock | undefined; recipe: FencedBlock | undefined }[] {
  const checks: { command: string[]; line: number; expected: FencedBlock | undefined; recipe: FencedBlock | undefined }[] = [];
  let recipe: FencedBlock | undefined;
  section.blocks.forEach((block, index) => {
    if (block.language === 'yaml') recipe = block;
    if (block.language !== 'sh') return;
    const next = section.blocks[index + 1];
    const expected = next?.language === 'text' ? next : undefined;
    block.code.split('\n').forEach((text, offset) => {
      const command = shellWords(text);
      if (command[0] !== 'kechuang' || (command[1] !== 'route' && command[1] !== 'check')) return;
      checks.push({ command: command.slice(1), line: block.line + offset, expected, recipe });
    });
  });
  return checks;
}

async function kechuang(args: readonly string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const io: CliIo = { out: (text) => lines.push(...text.split('\n')), err: (text) => lines.push(...text.split('\n')), isTTY: false, env: { LANG: 'en_US.UTF-8' }, cwd: dir };
  const code = await runCli(args, io);
  return { code, lines };
}

const squeeze = (text: string): string => text.trim().replace(/\s+/g, ' ');

/** The expected lines missing from the output, in order. */
function missingLines(expected: FencedBlock, output: readonly string[]): string[] {
  const got = output.map(squeeze);
  const missing: string[] = [];
  let from = 0;
  for (const line of expected.code.split('\n').map(squeeze).filter((text) => text !== '')) {
    const at = got.indexOf(line, from);
    if (at === -1) missing.push(line);
    else from = at + 1;
  }
  return missing;
}

describe('docs/routing-cookbook.md', () => {
  it('has numbered recipes, each with YAML and a way to check it', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(12);
    for (const recipe of recipes) {
      expect(recipe.blocks.some((block) => block.language === 'yaml'), `${FILE}:${recipe.line} ${recipe.heading} has no yaml block`).toBe(true);
      const checked = checksOf(recipe).some((check) => check.expected !== undefined) || recipe.blocks.some((block) => block.language === 'ts' && block.code.includes('routing.explain'));
      expect(checked, `${FILE}:${recipe.line} ${recipe.heading} shows no kechuang route output or routing.explain`).toBe(true);
    }
  });

  it('holds only YAML that is a valid office config once merged into the Mengchuang config', async () => {
    const blocks = sections.flatMap((section) => section.blocks.filter((block) => block.language === 'yaml'));
    expect(blocks.length).toBeGreaterThanOrEqual(12);
    const problems: string[] = [];
    for (const block of blocks) problems.push(...(await problemsOf(block)));
    expect(problems.join('\n')).toBe('');
  });

  it('tells a broken recipe by its line in the Markdown file', async () => {
    const block: FencedBlock = { language: 'yaml', line: 100, code: 'routing:\n  rules:\n    - id: typo\n      when: { catgory: legal }\n      then: { assign: { portfolio: economic_development } }' };
    const problems = await problemsOf(block);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^docs\/routing-cookbook\.md:103: routing\.rules\.\d+\.when\.catgory: .*category/);
    expect(() => merged({ language: 'yaml', line: 10, code: 'routing: [a' })).toThrow(/routing-cookbook\.md:1\d: not valid YAML/);
  });

  for (const section of sections) {
    const checks = checksOf(section);
    if (checks.length === 0) continue;
    it(`${section.heading}: its kechuang commands give the output shown`, async () => {
      const failures: string[] = [];
      const outputs = new Map<FencedBlock, string[]>();
      for (const check of checks) {
        const config = check.recipe === undefined ? base : merged(check.recipe).config;
        writeFileSync(join(dir, 'kechuang.config.yaml'), stringify(config));
        const { code, lines } = await kechuang(check.command);
        if (code !== 0) failures.push(`${FILE}:${check.line}: exit ${code}\n${lines.join('\n')}`);
        if (check.expected !== undefined) outputs.set(check.expected, [...(outputs.get(check.expected) ?? []), ...lines]);
      }
      for (const [expected, lines] of outputs) {
        const missing = missingLines(expected, lines);
        if (missing.length > 0) failures.push(`${FILE}:${expected.line}: not in the output:\n  ${missing.join('\n  ')}\noutput:\n${lines.join('\n')}`);
      }
      expect(failures.join('\n\n')).toBe('');
    });
  }

  it("shows the grid plugin exactly as tests/docs/cookbook-grid-plugin.ts has it", () => {
    const source = readFileSync(join(import.meta.dirname, 'cookbook-grid-plugin.ts'), 'utf8');
    const body = source.replace(/^(import .*\n)+\n?/, '').trimEnd();
    const shown = sections.flatMap((section) => section.blocks).filter((block) => block.language === 'ts' && block.code.includes('definePlugin'));
    expect(shown).toHaveLength(1);
    expect(shown[0]?.code).toContain(body);
  });

  it("routes by the grid plugin's operator, action and strategy as recipe 11 says", async () => {
    const section = recipes.find((recipe) => recipe.blocks.some((block) => block.language === 'yaml' && block.code.includes('grid.duty_order')));
    const block = section?.blocks.find((each) => each.language === 'yaml');
    if (block === undefined) throw new Error(`${FILE} has no recipe using the grid plugin`);
    const config = stringify(merged(block).config);
    const parkId = demo.parkIds.get('P03');
    const input: SubmitRequestInput = { communityId: demo.communityId, parkId, channel: 'phone', category: 'other', title: '40余个项目尾款未结' };
    const why = await system.routing.explain(input, { config });
    expect(why.decision).toMatchObject({ memberId: demo.lawyerId, ruleId: 'legal_debts', reason: 'rule legal_debts: team LEGAL, strategy grid.duty_order → MC-P001' });
    expect(why.outcome.tags).toEqual(['片区:dream_town']);
    expect(why.outcome.pluginActions).toEqual([{ ruleId: 'dream_town_zone', name: 'grid.zone_tag', effect: { tags: ['片区:dream_town'] } }]);
    // Outside the zone the operator fails, so the action does not run.
    const elsewhere = await system.routing.explain({ ...input, parkId: demo.parkIds.get('P12') }, { config });
    expect(elsewhere.outcome.tags).toEqual([]);
    expect(elsewhere.rules.find((rule) => rule.ruleId === 'dream_town_zone')?.matched).toBe(false);
  });

  it("refuses a zone the grid plugin does not know, naming the recipe's line", async () => {
    const block: FencedBlock = {
      language: 'yaml',
      line: 200,
      code: 'routing:\n  rules:\n    - id: nowhere\n      when: { park: { grid.in_zone: moon } }\n      then: { tags: [月球] }\n      continue: true',
    };
    const problems = await problemsOf(block);
    expect(problems.join('\n')).toMatch(/routing-cookbook\.md:20[3-4]: .*name one of the zones: dream_town/);
  });
});
