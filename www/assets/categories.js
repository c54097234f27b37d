/**
 * The finding categories of shared/spec/RULES.md with their zh-CN names, and what the guides
 * say to do about each — used by the findings list, the practice result page and the rules page.
 */

export const CATEGORIES = [
  { id: 'greeting', label: '问候', advice: '首次响应先主动问候:“亲,您好!很高兴为您服务。”' },
  { id: 'closing', label: '结束语', advice: '结束前主动确认需求并礼貌道别:“您还有其他需要我协助的吗?祝您购物愉快!”' },
  { id: 'address', label: '称呼', advice: '称呼客户用“您”,或“亲”、姓氏+先生/女士,避免“美女”“亲爱的”等随意昵称。' },
  {
    id: 'blunt',
    label: '生硬拒绝',
    advice: '把“不知道”换成“这个问题我需要帮您核实一下”,把“不行”换成“非常抱歉,这个暂时无法满足,我们可以为您提供替代方案”。',
  },
  { id: 'command', label: '命令/反问', advice: '避免命令式、反问式语气,多用“麻烦您……”“我来帮您……”。' },
  { id: 'impatience', label: '不耐烦/敷衍', advice: '对反复咨询保持耐心,不急躁、不敷衍,换一种说法再解释一次。' },
  { id: 'buck-passing', label: '推诿', advice: '不推诿:问题由我们跟进到底,不让客户自己去找快递或其他部门。' },
  { id: 'blame', label: '指责客户', advice: '尊重为本:用中性的说法描述情况,不说“您没看清楚”“是您自己……”。' },
  { id: 'apology', label: '道歉', advice: '道歉优先于解释:先说“非常抱歉给您带来了不好的体验”,再说明原因和方案。' },
  { id: 'empathy', label: '共情', advice: '先共情:“我特别能理解您的心情,换作是我也会很着急的。”' },
  { id: 'timeline', label: '时间节点', advice: '给出明确的时间节点,让客户有掌控感:“今天18点前审核,审核通过后1-3个工作日到账。”' },
  { id: 'vague', label: '模糊表述', advice: '避免“可能”“大概”“应该”;不确定的先核实,再给确定的答复。' },
  { id: 'structure', label: '结构', advice: '复杂问题用“结论先行+分点说明”:先给结论,再“第一……第二……”。' },
  { id: 'coverage', label: '逐一回应', advice: '客户同时问了几个问题时逐一回应,每个诉求都给出明确答复。' },
  { id: 'objection', label: '异议处理', advice: '价格、质量异议用三步法:认同情绪 + 解释原因 + 提供方案。' },
  { id: 'pressure', label: '过度催促', advice: '未付款订单友好提醒一次即可,不过度催促、不强推,尊重客户的选择。' },
  { id: 'slang', label: '网络用语', advice: '避免可能引起误解的网络用语,用平实、礼貌的说法。' },
  { id: 'punctuation', label: '标点与表情', advice: '感叹号、问号和表情适度使用,一处一个就够,符合品牌调性。' },
  { id: 'jargon', label: '行业术语', advice: '避免行业术语,用客户听得懂的话说明。' },
  { id: 'compliance', label: '平台合规', advice: '不引导站外联系、不提好评返现、不用“最好”“第一”“100%保证”等绝对化用语。' },
];

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
