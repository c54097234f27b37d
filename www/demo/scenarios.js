/**
 * The scenario library of the trainer console, drawn from the two guides in shared/seeds/
 * (电商客服话术标准及技巧, 电商平台客户服务礼仪培训课件).
 *
 * A scenario is one moment in a chat where the agent must reply:
 * - `history`: the chat so far, oldest first; the customer's messages after the agent's last
 *   one are what the coach reads as `customer`; no agent message means `first_reply`.
 * - `model`: a reply in the guides' style (their own quoted replies where they fit). It must
 *   come back with no warning or error for this scenario's context (tests/demo checks it).
 * - `bad`: a typical poor reply a trainer can drop in to show what the coach flags.
 * - `focus` / `tips`: what the guides ask for in this moment, shown to the trainee.
 *
 * Plain data: no DOM, no imports, so tests and other pages can load it too.
 */

/** @typedef {{role: 'customer' | 'agent', text: string, time: string}} Message */

export const STAGES = ['售前', '售中', '售后'];

export const SCENARIOS = [
  {
    id: 'first-greeting',
    title: '首次问候',
    stage: '售前',
    focus: '首次响应应主动问候',
    tips: [
      '客户发起咨询时先问候:“亲,您好!很高兴为您服务”',
      '问候之后直接回答客户的问题,再主动询问需求',
    ],
    customer: { name: '小雨同学', avatar: '雨', level: 'VIP2' },
    order: {
      product: '316不锈钢保温杯 500ml',
      spec: '颜色:雾霾蓝',
      price: '89.00',
      qty: 1,
      status: '咨询中',
      no: '—',
      icon: '杯',
    },
    history: [
      { role: 'customer', text: '在吗?', time: '09:41' },
      { role: 'customer', text: '这款保温杯还有蓝色的吗', time: '09:41' },
    ],
    model: '亲,您好!很高兴为您服务。蓝色款目前有现货的,今天16点前付款当天就能发出,请问还有什么可以帮到您呢?',
    bad: '有',
  },
  {
    id: 'presale-recommend',
    title: '售前推荐',
    stage: '售前',
    focus: '先了解需求,再合理推荐',
    tips: [
      '需求模糊时用开放式提问:“您更关注保湿还是修护呢?”',
      '基于需求推荐,避免盲目推销,尊重客户的选择',
    ],
    customer: { name: '林女士', avatar: '林', level: 'VIP4' },
    order: {
      product: '积雪草舒缓修护面霜 50g',
      spec: '规格:50g',
      price: '168.00',
      qty: 1,
      status: '咨询中',
      no: '—',
      icon: '霜',
    },
    history: [
      { role: 'customer', text: '你好', time: '14:02' },
      { role: 'agent', text: '林女士,您好!请问有什么可以帮您?', time: '14:02' },
      { role: 'customer', text: '我是敏感肌,换季脸上老是泛红,想买个面霜,有推荐吗?', time: '14:03' },
    ],
    model:
      '换季泛红确实让人很困扰呢。推荐您看看这款积雪草舒缓修护面霜,成分温和、不含香精,很多敏感肌的顾客都在用。您更关注修护泛红,还是也想兼顾保湿呢?',
    bad: '随便买哪个都行,都差不多,你自己看详情页吧',
  },
  {
    id: 'price-objection',
    title: '价格异议',
    stage: '售前',
    focus: '认同 + 解释 + 方案',
    tips: [
      '认同情绪:“我理解您对价格的关注”',
      '解释原因:面料、工艺、成本',
      '提供方案:满减、优惠券,主动帮客户算价',
    ],
    customer: { name: '阿杰', avatar: '杰', level: 'VIP1' },
    order: {
      product: '进口真丝印花连衣裙',
      spec: '颜色:墨绿;尺码:M',
      price: '299.00',
      qty: 1,
      status: '咨询中',
      no: '—',
      icon: '裙',
    },
    history: [
      { role: 'customer', text: '这条裙子怎么这么贵', time: '20:15' },
      { role: 'customer', text: '别家差不多的才卖199', time: '20:15' },
    ],
    model:
      '亲,我理解您对价格的关注,这款连衣裙采用的是进口真丝面料,成本确实略高一些,不过目前店铺有满减活动,叠加优惠券后性价比会很高,我可以帮您算一下最终价格哦。',
    bad: '嫌贵别买,一分钱一分货',
  },
  {
    id: 'unpaid-reminder',
    title: '未付款提醒',
    stage: '售中',
    focus: '友好提醒,避免过度催促',
    tips: [
      '对未付款订单在适当时间友好提醒',
      '说明对客户有用的信息(活动截止、发货时间),不施压',
      '付款遇到问题时耐心指导',
    ],
    customer: { name: '周先生', avatar: '周', level: 'VIP3' },
    order: {
      product: '人体工学办公椅 Pro',
      spec: '颜色:深空灰;带头枕',
      price: '699.00',
      qty: 1,
      status: '待付款',
      no: '2026112310452388',
      icon: '椅',
    },
    history: [
      { role: 'customer', text: '椅子我先拍下了,晚点再付', time: '10:45' },
      { role: 'agent', text: '好的周先生,有问题随时找我哦。', time: '10:46' },
      { role: 'customer', text: '刚才付款的时候好像没成功', time: '16:30' },
    ],
    model:
      '周先生,您好!我这边看到订单还在待付款状态。麻烦您在订单页面重新点一下“去付款”,如果还是不成功,可以换一张银行卡或者用余额支付试试。满减活动今晚24点结束,付款后我们今天就为您安排发货,付款中遇到任何问题随时告诉我。',
    bad: '赶紧付款,再不买就没了!!!',
  },
  {
    id: 'late-shipment',
    title: '发货延迟',
    stage: '售后',
    focus: '道歉 + 共情 + 明确时间节点',
    tips: [
      '先表达理解:“我特别能理解您等待包裹的焦急心情”',
      '道歉优先于解释',
      '给出明确的时间节点,让客户有掌控感',
    ],
    customer: { name: '陈小姐', avatar: '陈', level: 'VIP2' },
    order: {
      product: '北欧风陶瓷餐具 16件套',
      spec: '颜色:奶油白',
      price: '259.00',
      qty: 1,
      status: '待发货',
      no: '2026111809231157',
      icon: '瓷',
    },
    history: [
      { role: 'customer', text: '我都下单5天了,怎么还没发货??', time: '11:20' },
      { role: 'customer', text: '到底还发不发', time: '11:21' },
    ],
    model:
      '非常抱歉让您久等了!我特别能理解您等待包裹的焦急心情,换作是我也会很着急的。我已经帮您联系了仓库,您的订单会在今天18点前发出,发货后我第一时间把快递单号发给您。',
    bad: '别催了,仓库在排单,发了会通知你的',
  },
  {
    id: 'damaged-item',
    title: '商品破损',
    stage: '售后',
    focus: '道歉优先于解释,负责到底',
    tips: [
      '先道歉:“非常抱歉给您带来了不好的体验!”',
      '不推诿给快递,由我们跟进到底',
      '说清楚处理流程和时间',
    ],
    customer: { name: '老王', avatar: '王', level: 'VIP5' },
    order: {
      product: '手工玻璃花瓶 大号',
      spec: '颜色:琥珀色',
      price: '128.00',
      qty: 1,
      status: '已签收',
      no: '2026111614050902',
      icon: '瓶',
      logistics: '11月22日 已签收',
    },
    history: [
      { role: 'customer', text: '收到的花瓶是碎的!', time: '18:05' },
      { role: 'customer', text: '[图片]', time: '18:05' },
      { role: 'customer', text: '包装也太随便了吧', time: '18:06' },
    ],
    model:
      '亲,非常抱歉给您带来了不好的体验!收到碎掉的花瓶一定很糟心,这是我们的工作疏忽,我们一定会负责到底。我这边马上为您登记补发一个新的花瓶,今天18点前给您回复补发的快递单号,碎掉的花瓶不用寄回。',
    bad: '这是快递摔的,跟我们没关系,你去问快递吧',
  },
  {
    id: 'wrong-item',
    title: '错发商品',
    stage: '售后',
    focus: '不指责客户,直接给出换货方案',
    tips: [
      '尊重为本,不说“您没看清楚”',
      '承认失误并道歉',
      '给出换货流程和时间节点',
    ],
    customer: { name: '苏苏', avatar: '苏', level: 'VIP1' },
    order: {
      product: '纯棉宽松圆领T恤',
      spec: '颜色:白色;尺码:M',
      price: '79.00',
      qty: 2,
      status: '已签收',
      no: '2026111920117746',
      icon: '衫',
      logistics: '11月21日 已签收',
    },
    history: [
      { role: 'customer', text: '我买的是白色M码,收到的是黑色L码', time: '15:32' },
      { role: 'customer', text: '怎么回事啊?', time: '15:32' },
    ],
    model:
      '您好,非常抱歉给您发错了商品!特别能理解您的心情,这是我们的工作疏忽。我们为您免费换货:麻烦您在订单页面申请换货,退回的运费由我们承担,收到退货后24小时内为您寄出白色M码。',
    bad: '是您自己拍错了吧,您没看清楚',
  },
  {
    id: 'refund-progress',
    title: '退款进度',
    stage: '售后',
    focus: '告知流程和时间节点',
    tips: [
      '明确告知流程和时间节点:“今天18点前审核”',
      '说明到账时间和查看进度的方式',
      '避免“尽快”“应该”这类模糊说法',
    ],
    customer: { name: '何先生', avatar: '何', level: 'VIP3' },
    order: {
      product: '无线降噪蓝牙耳机',
      spec: '颜色:曜石黑',
      price: '399.00',
      qty: 1,
      status: '退款中',
      no: '2026111008412290',
      icon: '耳',
    },
    history: [
      { role: 'customer', text: '退款什么时候到账?都申请两天了', time: '13:08' },
    ],
    model:
      '非常抱歉让您久等了,我特别能理解您着急的心情!您的退款申请我们已经收到,财务会在今天18点前审核,审核通过后1-3个工作日会退回您的原支付账户,您可以随时通过订单页面查看进度。',
    bad: '财务在处理,应该快了,尽快给你退',
  },
  {
    id: 'angry-complaint',
    title: '愤怒投诉',
    stage: '售后',
    focus: '先安抚情绪,不辩解不推诿',
    tips: [
      '让客户充分表达,先道歉、先共情',
      '不辩解、不推诿,说明由谁跟进',
      '给出处理方案和回复时间',
    ],
    customer: { name: '张先生', avatar: '张', level: 'VIP2' },
    order: {
      product: '智能电饭煲 4L',
      spec: '颜色:象牙白',
      price: '459.00',
      qty: 1,
      status: '已签收',
      no: '2026110717326651',
      icon: '煲',
      logistics: '11月12日 已签收',
    },
    history: [
      { role: 'customer', text: '你们这什么破服务!', time: '21:47' },
      { role: 'customer', text: '电饭煲用了三天就不加热了,找客服半天没人理', time: '21:47' },
      { role: 'customer', text: '我要投诉,给差评!', time: '21:48' },
    ],
    model:
      '张先生您好,非常抱歉给您带来了这么不好的体验!电饭煲刚用三天就出问题,换作是我也会很生气的。这件事由我负责跟进:我们为您免费换一台新的电饭煲,今天18点前把换货的快递单号发给您。',
    bad: '我已经说过了,不是我们的问题,随便你投诉',
  },
  {
    id: 'closing',
    title: '结束语',
    stage: '售后',
    focus: '确认需求 + 礼貌道别',
    tips: [
      '主动确认:“您还有其他需要我协助的吗?”',
      '礼貌道别,表达感谢与期待:“祝您购物愉快”',
    ],
    customer: { name: '小鹿', avatar: '鹿', level: 'VIP2' },
    order: {
      product: '羊毛混纺围巾',
      spec: '颜色:燕麦色',
      price: '139.00',
      qty: 1,
      status: '已发货',
      no: '2026112008573314',
      icon: '巾',
      logistics: '运输中 · 预计明天送达',
    },
    history: [
      { role: 'customer', text: '围巾可以机洗吗', time: '17:10' },
      {
        role: 'agent',
        text: '亲,这款围巾建议手洗哦,用30度以下的温水和中性洗涤剂轻轻揉洗,平铺晾干就不容易变形。',
        time: '17:11',
      },
      { role: 'customer', text: '好的,明白了,谢谢', time: '17:12' },
    ],
    model: '不客气哦!除了刚才咨询的内容,您还有其他需要我协助的吗?祝您购物愉快,欢迎下次光临!',
    bad: '嗯',
  },
];

/** Platforms whose customers expect the formal 您 rather than 亲 (see the core's presets). */
const FORMAL_PLATFORMS = new Set(['jd', 'generic']);

/**
 * The scenario's model reply in the style of `platform`: the guides write for Taobao, where
 * a reply may open with 亲; on a formal platform the same reply opens with 您好.
 */
export function modelReply(scenario, platform = 'taobao') {
  if (!FORMAL_PLATFORMS.has(platform)) return scenario.model;
  return scenario.model.replace(/^亲,您好/, '您好').replace(/^亲,/, '您好,');
}

/** The scenario with this id, or undefined. */
export function scenarioById(id) {
  return SCENARIOS.find((s) => s.id === id);
}

/**
 * What the coach reads from a scenario's chat: the customer's messages after the agent's last
 * reply, and whether the agent has replied yet.
 * @param {{history: Message[]}} scenario
 * @returns {{customer: string, first_reply: boolean}}
 */
export function chatContext(scenario) {
  const history = scenario.history;
  let lastAgent = -1;
  for (let i = history.length - 1; i >= 0; i -= 1) {
    if (history[i].role === 'agent') {
      lastAgent = i;
      break;
    }
  }
  const customer = history
    .slice(lastAgent + 1)
    .filter((m) => m.role === 'customer' && !/^\[.+\]$/.test(m.text))
    .map((m) => m.text)
    .join('\n');
  return { customer, first_reply: lastAgent === -1 };
}
