/**
 * The examples' starting point: the Mengchuang demo office, its directory and its routing rules,
 * loaded through the SDK with a progress line on a terminal.
 */
import type { Community, Office } from '@kechuang/community';
import { generateMengchuang, loadDemo, mengchuangConfigText, type DemoDirectory, type LoadedDemo } from '@kechuang/demo';

export interface LoadedMengchuang {
  office: Office;
  directory: DemoDirectory;
  demo: LoadedDemo;
}

export async function loadMengchuang(community: Community): Promise<LoadedMengchuang> {
  const directory = generateMengchuang();
  const office = await community.offices.create(directory.office);
  // Loading 6,000 enterprises takes a few seconds (longer over a network): show how far it is.
  let shown = -1;
  const demo = await loadDemo(community.as({ kind: 'system', officeId: office.id }), directory, {
    onProgress: (done, total) => {
      const percent = Math.floor((done / total) * 100);
      if (percent === shown || !process.stderr.isTTY) return;
      shown = percent;
      process.stderr.write(`\rLoading the demo directory… ${percent}%${done === total ? '\n' : ''}`);
    },
  });
  // The office's routing rules, portfolios and categories (packages/demo/kechuang.config.yaml).
  await community.as({ kind: 'member', officeId: office.id, memberId: demo.stationHeadId }).config.update(mengchuangConfigText(), { filename: 'kechuang.config.yaml' });
  return { office, directory, demo };
}
