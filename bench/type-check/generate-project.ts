/**
 * The sources of the host app whose type-check `measure-types.ts` measures: `createCommunity`
 * with `count` generated plugins, and code that reads what they add. Each plugin is what a
 * real one looks like to the types: options with defaults, two events, two request fields, a
 * model of its own, and before / transaction / after hooks. With no plugins the app does the
 * same core work (submit, get, list, an accept, event listeners), so the difference between
 * the two is what the plugins cost.
 */

/** File name → contents, relative to the project's folder. */
export type ProjectFiles = Record<string, string>;

const camel = (id: string): string => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function pluginSource(index: number): string {
  const id = `bench-${index}`;
  const prefix = camel(id);
  const model = `bench_${index}_mark`;
  return `import { z } from 'zod';
import { definePlugin } from '@kechuang/community';

export const ${prefix} = definePlugin({
  id: '${id}',
  version: '1.0.${index}',
  options: z.object({ threshold: z.number().int().min(0).default(${index}), label: z.string().min(1).default('${id}') }),
  events: {
    '${id}.flagged': z.object({ requestId: z.string(), score: z.number() }),
    '${id}.cleared': z.object({ requestId: z.string(), at: z.date(), by: z.string().nullable() }),
  },
  schema: {
    models: {
      ${model}: {
        fields: { id: { type: 'string' }, officeId: { type: 'string' }, requestId: { type: 'string' }, score: { type: 'number' }, at: { type: 'date' } },
        indexes: [{ name: '${model}_request', fields: ['requestId'] }],
      },
    },
    fields: {
      request: {
        ${prefix}Score: { type: 'number', nullable: true },
        ${prefix}Checked: { type: 'date', nullable: true },
      },
    },
  },
  setup({ options, hooks, emit }) {
    hooks.before('submit', ({ input }) => ({ input: { ...input, tags: [options.label] } }));
    hooks.transaction('*', async ({ tx, request }) => {
      await tx.create({ model: '${model}', data: { id: \`\${request.id}:\${request.version}\`, officeId: request.officeId, requestId: request.id, score: options.threshold, at: request.updatedAt } });
      await tx.update({ model: 'request', where: [{ field: 'id', value: request.id }], data: { ${prefix}Score: options.threshold, ${prefix}Checked: request.updatedAt } });
    });
    hooks.after('submit', ({ request }) => emit('${id}.flagged', { requestId: request.id, score: options.threshold }));
    hooks.after('accept', ({ request, actor }) => emit('${id}.cleared', { requestId: request.id, at: request.updatedAt, by: actor.member?.id ?? null }));
  },
});
`;
}

function mainSource(count: number): string {
  const ids = Array.from({ length: count }, (_, i) => i);
  const names = ids.map((i) => camel(`bench-${i}`));
  const imports = ids.map((i) => `import { ${names[i]} } from './plugins/bench-${i}.js';`).join('\n');
  const plugins = names.map((name, i) => `${name}({ threshold: ${i + 1} })`).join(', ');
  const listeners = ids
    .map((i) => `  community.events.on('bench-${i}.flagged', ({ score }) => void (total += score));\n  community.events.on('bench-${i}.cleared', ({ at, by }) => void seen.push(\`\${at.toISOString()} \${by ?? ''}\`));`)
    .join('\n');
  const reads = names
    .map((name) => `  total += (submitted.${name}Score ?? 0) + (got.${name}Checked?.getTime() ?? 0) + (page.items[0]?.${name}Score ?? 0) + (accepted.${name}Score ?? 0);`)
    .join('\n');
  return `import { createCommunity, memoryStorage } from '@kechuang/community';
${imports}

export async function run(): Promise<number> {
  const community = createCommunity({ storage: memoryStorage()${count > 0 ? `, plugins: [${plugins}]` : ''} });
  let total = 0;
  const seen: string[] = [];
  community.events.on('request.submit', ({ request }) => void seen.push(request.id));
  community.events.on('request.accept', ({ request, actor }) => void seen.push(\`\${request.id} \${actor.id ?? ''}\`));
${listeners}
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  const session = community.as({ kind: 'system', officeId: office.id });
  const mc = await session.communities.create({ code: 'MC', name: '梦创社区' });
  const submitted = await session.requests.submit({ communityId: mc.id, channel: 'phone', category: 'legal', title: '尾款未结', description: '' });
  const got = (await session.requests.get(submitted.id)).request;
  const page = await session.requests.list({ status: 'submitted' });
  const accepted = await session.requests.accept({ requestId: submitted.id, version: got.version });
  total += submitted.version + got.version + page.items.length + accepted.version;
${reads}
  return total + seen.length;
}
`;
}

/**
 * The project's files: `main.ts`, one `plugins/bench-<i>.ts` per plugin, and a strict
 * `tsconfig.json` that resolves `@kechuang/community` to the declarations in `declarations`
 * (what a host app compiles against) and skips checking library declaration files.
 */
export function generateProject(count: number, declarations: string): ProjectFiles {
  const files: ProjectFiles = { 'main.ts': mainSource(count) };
  for (let i = 0; i < count; i++) files[`plugins/bench-${i}.ts`] = pluginSource(i);
  files['tsconfig.json'] = JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        strict: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: true,
        noEmit: true,
        types: [],
        paths: { '@kechuang/community': [declarations] },
      },
      include: ['main.ts', 'plugins/*.ts'],
    },
    null,
    2,
  );
  return files;
}
