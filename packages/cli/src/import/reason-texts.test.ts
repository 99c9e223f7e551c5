import { checkCreditCode } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { renderReason, renderReasons } from './reason-texts.js';
import type { Reason } from './reasons.js';

const label = (column: string): string => ({ credit_code: '统一社会信用代码', name: '企业名称', park: '园区编码', roles: '角色' })[column] ?? column;
const both = (reason: Reason) => [renderReason(reason, 'zh-CN', label), renderReason(reason, 'en', label)];

describe('renderReason', () => {
  it('names the column as the file does, in each language', () => {
    expect(both({ code: 'required', column: 'name' })).toEqual(['企业名称：不能为空', '企业名称: must not be empty']);
  });

  it('explains credit-code problems precisely', () => {
    const value = '91330110MA27Y0QX9A';
    const problem = checkCreditCode(value);
    if (problem?.kind !== 'check_character') throw new Error('expected a wrong check character');
    const [zh, en] = both({ code: 'credit_code', column: 'credit_code', value, problem });
    expect(zh).toBe(`统一社会信用代码：校验位应为“${problem.expected}”，实为“A”，请核对是否录入有误`);
    expect(en).toBe(`统一社会信用代码: the check character is 'A' but should be '${problem.expected}'; the code was probably mistyped`);
    const short = checkCreditCode('91330110MA27Y0QX9');
    if (!short) throw new Error('expected a problem');
    expect(both({ code: 'credit_code', column: 'credit_code', value: '91330110MA27Y0QX9', problem: short })).toEqual([
      '统一社会信用代码：统一社会信用代码应为18位，此处为17位',
      '统一社会信用代码: a unified social credit code has 18 characters, this one has 17',
    ]);
  });

  it('uses Chinese role names in Chinese', () => {
    expect(both({ code: 'role_needs_value', column: 'roles', role: 'captain' })).toEqual(['角色：角色“园区长”需在冒号后注明园区编码', "角色: role 'captain' needs park codes after ':'"]);
  });

  it('writes reasons without a column plainly', () => {
    expect(both({ code: 'conflict' })).toEqual(['导入期间该记录已被他人修改，请重新导入', 'the record was changed by someone else during the import; import the file again']);
    expect(both({ code: 'refused', message: 'Invalid input', path: 'tags.0' })).toEqual(['tags.0：系统拒绝写入：Invalid input', 'tags.0: refused: Invalid input']);
  });

  it('joins a row’s reasons with the language’s separator', () => {
    const reasons: Reason[] = [{ code: 'required', column: 'name' }, { code: 'unknown_ref', column: 'park', model: 'park', value: 'P99' }];
    expect(renderReasons(reasons, 'zh-CN', label)).toBe('企业名称：不能为空；园区编码：园区“P99”不存在');
    expect(renderReasons(reasons, 'en', label)).toBe("企业名称: must not be empty; 园区编码: no park 'P99' in your office");
  });
});
