import type { SubmitRequestInput } from '../model/request.js';

/**
 * A valid submit input for enterprise 1 in park 1, like `submission(fx)` but accepting an
 * office built with plugins (whose `SmallOffice` type differs by its event map).
 */
export function submitInput(fx: { mc: { id: string }; ent1: { id: string } }, extra: Partial<SubmitRequestInput> = {}): SubmitRequestInput {
  return {
    communityId: fx.mc.id,
    enterpriseId: fx.ent1.id,
    channel: 'phone',
    category: 'legal',
    title: '40余个项目尾款未结',
    description: '没有签合同，只有聊天记录',
    ...extra,
  };
}
