/**
 * The finding categories of shared/spec/RULES.md with their zh-CN names (from the core, through
 * the generated core-facts.js), and what the guides say to do about each — used by the findings
 * list, the practice result page and the rules page.
 */

import { CORE_CATEGORIES } from './core-facts.js';

/** What the guides say to do about each category (the ids and names come from the core). */
const ADVICE = {
  greeting: '首次响应先主动问候:“亲,您好!很高兴为您服务。”',
  closing: '结束前主动确认需求并礼貌道别:“您还有其他需要我协助的吗?祝您购物愉快!”',
  address: '称呼客户用“您”,或“亲”、姓氏+先生/女士,避免“美女”“亲爱的”等随意昵称。',
  blunt: '把“不知道”换成“这个问题我需要帮您核实一下”,把“不行”换成“非常抱歉,这个暂时无法满足,我们可以为您提供替代方案”。',
  command: '避免命令式、反问式语气,多用“麻烦您……”“我来帮您……”。',
  impatience: '对反复咨询保持耐心,不急躁、不敷衍,换一种说法再解释一次。',
  'buck-passing': '不推诿:问题由我们跟进到底,不让客户自己去找快递或其他部门。',
  blame: '尊重为本:用中性的说法描述情况,不说“您没看清楚”“是您自己……”。',
  apology: '道歉优先于解释:先说“非常抱歉给您带来了不好的体验”,再说明原因和方案。',
  empathy: '先共情:“我特别能理解您的心情,换作是我也会很着急的。”',
  timeline: '给出明确的时间节点,让客户有掌控感:“今天18点前审核,审核通过后1-3个工作日到账。”',
  vague: '避免“可能”“大概”“应该”;不确定的先核实,再给确定的答复。',
  structure: '复杂问题用“结论先行+分点说明”:先给结论,再“第一……第二……”。',
  coverage: '客户同时问了几个问题时逐一回应,每个诉求都给出明确答复。',
  objection: '价格、质量异议用三步法:认同情绪 + 解释原因 + 提供方案。',
  pressure: '未付款订单友好提醒一次即可,不过度催促、不强推,尊重客户的选择。',
  slang: '避免可能引起误解的网络用语,用平实、礼貌的说法。',
  punctuation: '感叹号、问号和表情适度使用,一处一个就够,符合品牌调性。',
  jargon: '避免行业术语,用客户听得懂的话说明。',
  compliance: '不引导站外联系、不提好评返现、不用“最好”“第一”“100%保证”等绝对化用语。',
};

/** The categories in the core's order: id, zh-CN name (`label`), dimension, and advice. */
export const CATEGORIES = CORE_CATEGORIES.map((c) => ({ ...c, advice: ADVICE[c.id] || '' }));

const BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));

/** The category entry for an id; unknown ids (a team pack's) get a neutral entry. */
export function category(id) {
  return BY_ID.get(id) || { id, label: id, advice: '' };
}

export const SEVERITIES = {
  error: { label: '错误', rank: 3 },
  warning: { label: '警告', rank: 2 },
  hint: { label: '建议', rank: 1 },
};

export function severityLabel(s) {
  return (SEVERITIES[s] || { label: s }).label;
}

export function severityRank(s) {
  return (SEVERITIES[s] || { rank: 0 }).rank;
}

/** What to practise when a dimension is low. */
export const DIMENSION_ADVICE = {
  politeness: '礼貌:全程用“请”“您好”“麻烦您”“感谢您”,不用命令、反问和不耐烦的语气。',
  empathy: '共情:客户不满时先道歉、先理解情绪,再解释原因。',
  clarity: '清晰:结论先行、分点说明,避免“可能”“大概”和行业术语。',
  control: '掌控感:说清楚谁来跟进、下一步做什么、什么时候有结果。',
  compliance: '合规:不引导站外联系,不做绝对化承诺,遵守平台规则。',
};

export const PLATFORMS = [
  { id: 'taobao', label: '淘宝/天猫' },
  { id: 'jd', label: '京东' },
  { id: 'pdd', label: '拼多多' },
  { id: 'douyin', label: '抖音' },
  { id: 'generic', label: '通用' },
];
