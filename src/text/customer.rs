//! The customer's last message(s), read once: what kind of reply it asks for.

use std::cell::RefCell;

use super::fold::fold;
use super::{
    char_before, contains_any, ends_with_any, find_all, is_clause_end, is_han, is_punct_or_space, mask,
    starts_with_any, Hit, Needles, Part, Phrase, Words,
};

/// The scope slot of the masked customer text (the check's scope uses the first two).
const CUSTOMER_SLOT: usize = 4;

/// Something the customer was waiting for has not happened: 还没有派送, 至今没有更新,
/// 没人来取件, 为什么那么久了还没充上.
const NOT_YET: Phrase = Phrase(&[Part::Word(NOT_YET_WORDS), Part::Gap(3), Part::Word(EXPECTED)]);
const NOT_YET_WORDS: Words = words![
    "还没有",
    "还没",
    "还未",
    // Cantonese: 仲未到 (still not here).
    "仲未",
    "都未",
    "一直没有",
    "一直没",
    "至今没有",
    "至今没",
    "至今未",
    "到现在还没",
    "到现在都没",
    "现在还没",
    "迟迟没",
    "迟迟不",
    // Still not, in writing: 仍然不发货, 依旧没到, 仍未退款.
    "仍然没",
    "仍然不",
    "仍旧没",
    "仍未",
    "依然没",
    "依然不",
    "依旧没",
    "依旧不",
    "怎么没有",
    "怎么没",
    "为什么没有",
    "为什么没",
    "为啥没",
    "没有人",
    "没人",
    "都没有",
    "都没",
    "怎么不",
    "为什么不",
    "咋不",
    "还不",
    "一直不",
    "都不",
    "也不",
];
const EXPECTED: Words = words![
    "修好",
    "到",
    "送",
    "收到",
    "发",
    "派送",
    "配送",
    "退",
    "到账",
    "充",
    "更新",
    "联系",
    "处理",
    "回复",
    "取件",
    "取",
    "出库",
    "上门",
    "安装",
    "动",
    "反应",
    "消息",
    "结果",
    "理",
    "管",
    "赠品",
    "配件",
    "说明书",
    "物流信息",
    "物流",
    "回",
    "说话",
    "接电话",
    "给",
];

/// Something about the goods or the service is bad: 太慢了, 态度很差, 声音好大, 东西太难用了.
const BAD: Phrase = Phrase(&[Part::Word(DEGREE), Part::Key(BAD_QUALITY)]);
const DEGREE: Words = words![
    "太",
    "好",
    "很",
    "特别",
    "非常",
    "这么",
    "那么",
    "真",
    "超",
    "巨",
    "贼",
    "有点",
    "挺",
    "也太",
    "怎么这么",
    "实在",
    "比较",
];
const BAD_QUALITY: Words = words![
    "慢",
    "差",
    "难用",
    "难吃",
    "难看",
    "难闻",
    "臭",
    "脏",
    "旧",
    "薄",
    "吵",
    "烫",
    "痛",
    "疼",
    "粗糙",
    "劣质",
    "刺鼻",
    "不舒服",
    "不好用",
    "不靠谱",
    "不方便",
    "扎",
    "硬",
    "响",
    "敷衍",
    "离谱",
    "过分",
    "失望",
    "麻烦",
    "复杂",
];

/// Waited until a time and nothing came: 等到12点也没有, 等了一上午都没来.
const WAITED_IN_VAIN: Phrase = Phrase(&[
    Part::Key(words!["等到", "等了"]),
    Part::Gap(8),
    Part::Word(words![
        "也没有",
        "也没来",
        "也没到",
        "也没送",
        "都没有",
        "都没来",
        "都没到",
        "还没有",
        "还没来",
        "还没到",
        "也不见",
    ]),
]);

/// Why it turned into something else: 为啥变成电子发票了, 为什么价格变了.
const WHY_CHANGED: Phrase =
    Phrase(&[Part::Word(words!["为什么", "为啥", "为何"]), Part::Gap(8), Part::Key(words!["变成", "变了", "成了"])]);

/// A long wait counted out: 都第三天了, 都一个星期了, 说了三遍了.
const COUNTED: Phrase = Phrase(&[
    Part::Word(words!["都", "已经"]),
    Part::Gap(4),
    Part::Key(words!["天了", "周了", "星期了", "个月了", "遍了", "次了"]),
]);

/// A stretch of days with nothing moving: 三天没动了, 好几天了都没更新, 一个礼拜没消息.
const STALLED: Phrase = Phrase(&[
    Part::Word(DAY_COUNTS),
    Part::Maybe(words!["了"]),
    Part::Maybe(words!["都", "还", "也", "一直"]),
    Part::Key(words![
        "没动",
        "不动",
        "没更新",
        "没有更新",
        "没变化",
        "没有变化",
        "没消息",
        "没有消息",
        "没发",
        "没有发",
        "没到",
        "没送",
        "没反应",
        "没人管",
        "没人理",
    ]),
]);
const DAY_COUNTS: Words = words![
    "一天",
    "一整天",
    "两天",
    "三天",
    "四天",
    "五天",
    "六天",
    "七天",
    "八天",
    "九天",
    "十天",
    "几天",
    "好几天",
    "多天",
    "一周",
    "两周",
    "一个星期",
    "一个礼拜",
    "半个月",
    "一个月",
    "2天",
    "3天",
    "4天",
    "5天",
    "6天",
    "7天",
    "10天",
    "[数字x]天",
];

/// Words that make what follows in the clause a supposition, not a report: “如果坏了能退吗”.
const SUPPOSE: Words = words![
    "如果",
    "要是",
    "假如",
    "万一",
    "若是",
    "假设",
    "最好",
    "会不会",
    "是否",
    "以防",
    // A consequence feared, not an event: 能快点么 要不然又要好久.
    "要不然",
    "不然",
    "否则",
    "免得",
    "省得",
    // A caution or a goal, not an event: 千万不要压坏, 怎么洗才不缩水 (and, right before the
    // word, 别发错了: see `supposed`).
    "千万",
    "才不",
    "才能不",
    "才会不",
];

/// Grievances a trainer would answer with an apology more often than not, but not always:
/// the price fell after the purchase, something in the app does not work, a fee not
/// expected, a promise the page made. See [`Customer::complaint_likely`].
const LIKELY_COMPLAINT: Words = words![
    "降价了",
    "就降价",
    "降了",
    "涨价",
    "不成功",
    "没成功",
    "失败",
    "查不到",
    "找不到",
    "收不到",
    "用不上",
    "登不上",
    "不可以使用",
    "不能使用",
    "不能支持",
    "不支持",
    "申请不了",
    "退款不了",
    "评价不了",
    "刷新不了",
    "开不了",
    "改不了",
    "没改过来",
    "没有库存",
    "之前不是",
    "以前都是",
    "不是说好",
    "不是说",
    "那时候显示",
    "页面显示",
    "本来显示",
    "之前显示",
];
/// Why money was taken: 为什么要收运费, 为啥自动扣费.
const WHY_CHARGED: Phrase = Phrase(&[Part::Word(WHY), Part::Gap(8), Part::Key(CHARGED)]);
const WHY: Words = words!["为什么", "为啥", "为何", "怎么"];
const CHARGED: Words = words!["运费", "邮费", "扣费", "扣钱", "扣了", "收费", "多收", "收钱"];

/// How clearly the customer is wrapping up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Closing {
    #[default]
    None,
    /// 好的 / 知道了 / 嗯嗯 alone: probably done, maybe not.
    Weak,
    /// 谢谢 / 没有了 / 没事了 / 再见: done.
    Strong,
}

#[derive(Clone, Debug, Default)]
pub struct Customer {
    /// Folded text (see `text::fold`).
    pub text: String,
    /// A complaint: late parcel, damage, wrong item, refund chase, anger, 投诉/差评.
    pub complaint: bool,
    /// Strong feelings: anger, urgency, repetition, threats to complain.
    pub upset: bool,
    /// Asks when something will happen or how long it takes.
    pub asks_when: bool,
    /// Presses for speed or repeats the same message (快点, 赶紧, 在线等, 人呢): wants a time,
    /// not consolation. Counts as waiting.
    pub urgent: bool,
    /// The distinct questions asked, in order (folded clause text).
    pub questions: Vec<String>,
    pub closing: Closing,
    /// Objects to the price (太贵, 便宜点, 能优惠吗...).
    pub price_objection: bool,
    /// Doubts the quality (质量差, 靠谱吗, 会不会坏...).
    pub quality_objection: bool,
    /// Doubt worded openly about the price or the quality (价格真的这么低?, 效果真有那么好?,
    /// 担心材质不好): likely an objection, read less surely than the two above.
    pub price_doubted: bool,
    pub quality_doubted: bool,
    /// Declines or hesitates (不要了, 再看看, 考虑一下, 犹豫).
    pub declines: bool,
    /// Asks what to do, which to choose or what to mind (放哪里比较好, 选哪种, 要注意什么):
    /// the answer is advice.
    pub asks_advice: bool,
    /// Asks for a list, a process or a difference (包含哪些, 流程是怎么样的, 有什么区别, 都送
    ///什么): the answer has several points.
    pub asks_for_points: bool,
    /// Complains about waiting: late parcel, slow refund, no news (还没到, 等了好久, 催).
    pub waiting: bool,
    /// The wait is more than not yet: judged long (这么久, 好几天), counted out (都三天了),
    /// stuck (至今没更新), a promise broken again (又没到), or pressed (快点). 还没收到 or
    /// 没到账呢 alone is a report of where things stand.
    pub waited_long: bool,
    /// One of the questions is about the wait itself (怎么还没到?, 退款还没到账?, 我的售后
    /// 怎么样了): it is owed a time, like a question that asks when.
    pub asks_about_wait: bool,
    /// Thanks the agent (谢谢, 感谢, 辛苦了), whatever else the message says.
    pub thanks: bool,
    /// The complaint is only ever asked about, calmly (“为什么我的优惠券用不了?”, and a wait
    /// noted in a calm question: “送修一周了,想问下进度”): a question to answer more than a
    /// grievance.
    pub complaint_asked: bool,
    /// Says outright that they are done (没有了, 没事了, 再见), not only thanks.
    pub says_done: bool,
    /// A grievance worded mildly (降价了, 查不到, 为什么要收运费): see
    /// [`Customer::complaint_likely`].
    pub complaint_mild: bool,
    /// Says they are going: to another shop, or off to their own next step.
    pub leaving: Leaving,
}

/// Where the customer says they are going.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Leaving {
    #[default]
    No,
    /// Off to their own next step: 我先去量下门的厚度, 好吧 那我去驿站拿, 我等师傅电话.
    OwnStep,
    /// To another shop: 那我去别家看看, 隔壁家便宜.
    Elsewhere,
}

/// A wait the customer counts or sees stuck (卡在, 没更新, 三天了, 一个礼拜, 怎么还不发): a
/// complaint and a wait at once, like [`NOT_YET`] and [`COUNTED`].
const OVERDUE_WORDS: Words = words![
    "还不发",
    "还不给我发",
    "怎么不发",
    "怎么不给我发",
    "没更新",
    "不更新",
    "没有更新",
    "卡在",
    "停在",
    "两天了",
    "三天了",
    "四天了",
    "五天了",
    "六天了",
    "七天了",
    "十天了",
    "一周了",
    "一个星期了",
    "半个月了",
    "礼拜了",
    "一个礼拜",
    // 成个礼拜 (Cantonese: a whole week)
    "成个礼拜",
    "成个星期",
    "半个多月",
    "一个多星期",
    "一个多礼拜",
];

/// Defects the customer sees or hears (黑点, 污渍, 划伤, 杂音, 电流声): a complaint here, damaged
/// goods to the situation reader.
pub(super) const DEFECTS: Words = words![
    // A hole, a noise that keeps them up: 领口有个洞, 外机一直响 吵得睡不着.
    "有个洞",
    "破洞",
    "一直响",
    "吵得睡不着",
    "吵得不行",
    // Creased: 封面被压皱了.
    "压皱",
    // Bent or broken pins: CPU插座就是弯针.
    "弯针",
    "断针",
    "歪针",
    "黑点",
    "白点",
    "斑点",
    "污渍",
    "污点",
    "脏了",
    "很脏",
    "划伤",
    "刮花",
    "磨损",
    "缺角",
    "坏点",
    "漏光",
    "滴水",
    "渗水",
    "掉漆",
    "磕掉",
    "磕坏",
    "磕破",
    "折痕",
    "压痕",
    "凹陷",
    "霉了",
    "杂音",
    "噪音",
    "电流声",
    "滋滋",
    "胀袋",
    "胀气",
    "鼓包",
    // A controller's stick drifting, a box crushed or empty, a hole made in the wall.
    "漂移",
    "压扁",
    "压坏",
    "压烂",
    "是空的",
    "空盒",
    "打了个洞",
    "打了个大洞",
    // Made wrong or arrived dead: 门是歪的, 装订反了, 死了三只.
    "是歪的",
    "装反",
    "装订反",
    "印反",
    "死了三",
    "死了两",
    "死了一",
    "死了几",
    "死了好几",
    "都死了",
    "死掉了",
    "有个窿",
    "窟窿",
];

const COMPLAINT: Words = words![
    "还没到",
    "还没收到",
    "没收到",
    "还没发",
    "没发货",
    "还没动",
    "没动静",
    "不动",
    "太慢",
    "好久",
    "这么久",
    "多久了",
    "几天了",
    "等了好久",
    "等了很久",
    "等了半天",
    "等了几天",
    "等了一",
    "等了两",
    "等了三",
    "等了这么",
    "等了那么",
    "等了多久",
    "等了[",
    "一直等",
    "还在等",
    "坏了",
    "坏的",
    "破了",
    "破损",
    "碎了",
    "裂",
    "漏",
    "压坏",
    "变形",
    "划痕",
    // Soaked on the way: 快递把书淋湿了 全皱了 (not 要泡水, 怕受潮: a question, a worry).
    "淋湿",
    "泡水了",
    "受潮了",
    "明显受潮",
    "全皱",
    // Harm done in the home by the fitter or courier: 把我家地板划了一道, 门框撞掉一块漆.
    "划了一道",
    "划了一条",
    "划了好几",
    "划伤",
    "划花",
    "刮伤",
    "撞掉",
    "撞坏",
    "磕掉",
    "磕坏",
    "碰坏",
    "弄脏了",
    "开胶",
    // Glue left on shoes: 鞋底有胶印, 溢胶.
    "胶印",
    "溢胶",
    "掉色",
    "褪色",
    "起球",
    "异味",
    // Left at a pick-up point instead of delivered: 快递把药放驿站了.
    "放驿站了",
    "扔驿站",
    "扔在驿站",
    "放快递柜了",
    // A smell that hurts: 一股刺鼻的味道,熏得头疼.
    "刺鼻",
    "熏得",
    "熏人",
    "呛人",
    "呛鼻",
    "发错",
    "错发",
    "少发",
    "漏发",
    "少了",
    "不对",
    "不一样",
    "货不对",
    "质量问题",
    "有问题",
    "瑕疵",
    "不能用",
    "用不了",
    "坏掉",
    "失灵",
    "我的退款呢",
    "退款呢?",
    "退款还没",
    "退款怎么还",
    "怎么没有退款",
    "怎么还没",
    "还没退",
    "没退",
    "没到账",
    "投诉",
    "差评",
    "举报",
    // The consumer association's hotline, as a threat.
    "12315",
    "消协",
    // Mended and still broken (not 换好了还是没换, a question).
    "还是没修好",
    "还是没好",
    "还是坏的",
    // Asked again and again: 第三次问了, 说了好几次.
    "第二次问",
    "第三次问",
    "问了好几次",
    "问了几次",
    "说了好几次",
    "生气",
    "气死",
    "垃圾",
    "骗",
    "坑",
    "失望",
    // Given up on it: 配送无望, 没希望了, 心寒.
    "无望",
    "没希望",
    "心寒",
    "寒心",
    "怎么回事",
    "搞什么",
    "说了好几遍",
    "几遍了",
    "到底",
    "催了",
    "催过",
    "一直催",
    "态度差",
    "态度不好",
    "什么态度",
    "态度真",
    "过期",
    "假货",
    "不满意",
    "受不了",
    "太差",
    "碎的",
    "碎掉",
    "摔坏",
    "摔碎",
    "太随便",
    "包装太",
    "包装也太",
    "不加热",
    "不工作",
    "没反应",
    "不亮了",
    "不转了",
    "没人理",
    "没人管",
    "破服务",
    "不理人",
    "缺件",
    "缺了",
    "少件",
    "少东西",
    "少了东西",
    "东西少了",
    "缺东西",
    "少配件",
    "缺配件",
    "脏的",
    "发霉",
    "生锈",
    "烂的",
    "烂了",
    "拒绝给",
    "拒绝我",
    "被拒",
    "拒绝退",
    "拒绝售后",
    "不给退",
    "不给换",
    "不给安装",
    "不给处理",
    "不给力",
    "噪音大",
    "噪音特别",
    "噪音很",
    "声音很大",
    "送错",
    "弄错",
    "搞错",
    "醉了",
    "我晕",
    "无语",
    // Slang for exasperation: 我真的会谢.
    "会谢",
    // Written wrong for them, or booked but not there: 字写错了, 到了前台说没房 (complaints, not
    // damaged goods: DEFECTS also tells the situation reader the goods came broken).
    "字写错",
    "名字写错",
    "你们写错",
    "刻错",
    "绣错",
    "没房",
    "满房",
    "没效率",
    "差劲",
    "糟糕",
    "郁闷",
    "两次了",
    "三次了",
    "四次了",
    "好几次",
    "好多次",
    "多少次",
    "x]次了",
    "本来应该",
    "说好的",
    "没有收到",
    "花儿都谢了",
    "莫名",
    "不说话",
    "不能正常",
    "发成",
    "磨脚",
    "掉毛",
    "起皮",
    "开线",
    "断了",
    // Broken in two, a body reacting, a booking called off, something else delivered:
    // 断成两截, 又红又痒, 行程被临时取消, 收到的却是别的款.
    // Gone yellow or bad, also in Cantonese (黄晒: all yellow).
    "发黄",
    "变黄",
    "黄晒",
    "烂晒",
    "坏晒",
    "断成",
    "碎成",
    "裂成",
    "又红又痒",
    "红肿",
    "过敏了",
    "起疹子",
    "被取消",
    "被临时取消",
    "却是别的",
    "收到的却是",
    "到手却是",
    "寄来的却是",
    "发来的却是",
    "搞啥",
    "卡顿",
    "死机",
    "黑屏",
    "蓝屏",
    "花屏",
    "闪屏",
    "漏水",
    "漏电",
    "异响",
    "半天才",
    "才回",
    "声音好大",
    "声音太大",
    "声音特别大",
    "瘪了",
    // Ruined on the way: 奶油都塌了, 生日全毁了, 花都蔫了.
    "塌了",
    "毁了",
    "化了",
    "融化",
    "馊了",
    "蔫了",
    "歪了",
    "开不了机",
    // An error on starting, an empty shell, a thing left out: 开机就报错, 有三个是空壳,
    // 证书漏放了.
    "报错",
    "空壳",
    "漏放",
    "怎么没放",
    "凹",
    "变形了",
    "掉漆",
    "只到了",
    "只来了",
    "脱落",
    "起泡",
    "色差",
    "缩水",
    "线头",
    "松动",
    "卡住",
    "打不开",
    "充不进电",
    "不亮",
    "没声音",
    "不制冷",
    "不出水",
    "闪退",
    "短路",
    "故障",
    "毛病",
    "次品",
    "残次",
    "不符",
    "与描述不符",
    "货不对板",
    "跟图片不一样",
    "和图片不一样",
    "只收到",
    "少一个",
    "缺一个",
    "钱没退",
    "扣了两次",
    "多扣",
    "重复扣款",
    "乱收费",
    "没人回",
    "推来推去",
    "踢皮球",
    "忽悠",
    "欺骗",
    "虚假",
    "套路",
    "崩溃",
    "恶心",
    "什么玩意",
    "再也不买",
    "曝光",
    "赔偿",
    "迟迟",
    "一直不发",
    "还不到",
    "又没",
    "又坏",
    "又延迟",
    "延迟",
    "耽误",
    "误事",
    "呵呵",
    "可真行",
    "真行啊",
    "好家伙",
    "下次不来",
    "不会再买",
    "再也不来",
    "这什么质量",
    "什么破",
    "用了一次就",
    "穿了一次就",
    "洗了一次就",
    "没几天就",
    "才几天就",
    "才用了",
    "第二次了",
    "又是这样",
    "凭什么",
    "给个说法",
    "给个解释",
    "怎么搞的",
    "太不小心",
    "不负责任",
    "没诚信",
    "说话不算数",
    "说话不算话",
    "骗子",
    "太让人",
    "让人失望",
    "被砍",
    "被取消",
    "被关闭",
    "被拒",
    "被扣",
    "被封",
    "没用",
    "不管用",
    "没效果",
    "到现在",
    "至今",
    "明明",
    "居然",
    "竟然",
    "还要我",
    "还得我",
    "白等",
    "白跑",
    "不回消息",
    "不回复",
    "已读不回",
    // Exasperation in the customer's own words.
    "扯淡",
    "扯犊子",
    "瞎扯",
    "什么鬼",
    "狗血",
    "无奈",
    // Taken for a bot, with a sigh (是机器人吧, 跟机器人似的; 你是机器人吗, plainly asked, is a question).
    "是机器人吧",
    "就是机器人",
    "都是机器人",
    "跟机器人",
    "机器人啊",
    "要疯",
    "疯了",
    "低效",
    "将就",
    "这么多事",
    "搞笑",
    "开玩笑",
    "眼瞎",
    "服了",
    "烦死",
    "真烦",
    "算了算了",
    // A wait that cannot go on: 等不了, 等不起, 来不及.
    "等不了",
    "等不起",
    "来不及",
    "速度呢",
    // Stuck where it is: 没有物流信息, 还在审核, 还处于待出库.
    "没有物流",
    "没物流",
    "没有任何物流",
    "没有走件",
    "还处于",
    "还在审核",
    "一直显示",
    "一天没有",
    // Goods that stopped working: 不走了, 充不上电, 连不上.
    "不走了",
    "充不上",
    "连不上",
    "断连",
    "断线",
    "不显示",
    "显示不了",
    "不灵",
    "没信号",
    // Nobody answers or calls: 电话不接, 没人接, 联系不上.
    "不接电话",
    "电话不接",
    "不接听",
    "没人接",
    "联系不上",
    "打不通",
    "无法联系",
    "挂掉了",
    "问他不回",
    // Less than paid for: 少给, 只看见一包, 打开发现只有.
    "少给",
    "只看见",
    "只看到",
    "发现只有",
    // The body reacting to the goods: 过敏, 起红疹, 烂脸.
    "过敏了",
    "用了过敏",
    "吃了过敏",
    "涂了过敏",
    "导致过敏",
    "引起过敏",
    "红疹",
    "起疹",
    "发痒",
    "烂脸",
    "刺痛",
    // Workmanship scorned: 你们师傅什么水平.
    "什么水平",
    "水平太差",
    // Blamed for it: 说我人为损坏, 怪我.
    "说我人为",
    "人为损坏",
    "怪我",
    "为什么说我",
    // Sent, issued or done wrong by the shop (我写错 is the customer's own slip).
    "开错",
    "寄错",
    "送错",
    "装错",
    "给错",
    "拿错",
    "配错",
    "算错",
    "扣错",
    "退错",
    "印错",
    // Damage and faults in other words.
    "破洞",
    "没声",
    "没有声音",
    "划花",
    "刮花",
    "划伤",
    "磕坏",
    "磕碰",
    "瘪了",
    "发霉",
    "变质",
    "臭了",
    // Fruit gone off: 一股酒味, 都发酵了.
    "发酵了",
    "酒味",
    "少一个",
    "少两个",
    "少个",
    "缺一个",
    "缺两个",
    "缺了",
    "缺斤少两",
    "短斤少两",
    "分量不够",
    // The shop's work questioned, nobody acting.
    "怎么质检",
    "质检的",
    "怎么检查的",
    "怎么搞的",
    "一直不同意",
    "一直不给",
    "一直不处理",
    "一直不回",
    "一直没人",
    "一直没回",
    "还没人",
    "没人来",
    "也不打电话",
    "没打电话",
    "也不通知",
    "每次都说",
    "现在又说",
];

/// A promise or an expectation that came out otherwise: 说好顺丰发,结果发的中通; 备注了不要
/// 香菜,结果还是有; 比直播间说的贵了.
const BROKEN_PROMISE: Phrase = Phrase(&[
    Part::Key(words!["说好", "明明说", "答应", "承诺", "备注了", "备注"]),
    Part::Gap(16),
    // 说好今天到,结果…: the next clause.
    Part::Maybe(words![",", " "]),
    Part::Word(OTHERWISE),
]);
const OTHERWISE: Words = words!["结果", "现在又", "又说", "却", "怎么又", "还是"];
/// An appointment missed: 约好两点来修热水器,现在都三点半了.
const MISSED_APPOINTMENT: Phrase = Phrase(&[
    Part::Key(words!["约好", "约的是", "约的", "预约的是", "说好"]),
    Part::Gap(12),
    Part::Maybe(words![",", " "]),
    Part::Word(words!["现在都", "现在已经", "都已经", "都过了", "还没来", "人呢", "还没到", "人还没"]),
]);
/// What reviews say, asked about: 看到差评说保温效果差,是真的吗? A doubt about the goods, not a
/// complaint of the customer's own. (Not 朋友说/听说: a friend's report is often the
/// customer's own problem relayed.)
const HEARSAY: Words = words![
    "老听说",
    "听别人说",
    "听人说",
    "差评说",
    "差评里",
    "看到差评",
    "有差评",
    "评价说",
    "评价里说",
    "评论说",
    "评论里说",
    "口碑里说",
    "看评价说",
    "看评论说",
    "网上说",
    "评论有人说",
    "评价有人说",
    "评论里有人说",
];
const TURNED_OUT: Phrase = Phrase(&[
    Part::Key(words!["结果"]),
    Part::Word(words!["还是", "又", "没", "不", "给我", "却", "发的", "寄的", "收到", "只有", "一直", "竟然", "居然"]),
]);
const PRICED_ABOVE_WORD: Phrase = Phrase(&[
    Part::Word(words!["比"]),
    Part::Gap(6),
    Part::Word(words!["说的", "写的", "显示的", "宣传的", "标的"]),
    Part::Gap(2),
    Part::Key(words!["贵", "高", "多收"]),
]);
/// Someone who was to serve them refused, as the customer reports it: 快递员上门说太大不收,
/// 售后说不给换.
const REFUSED_THEM: Phrase = Phrase(&[
    Part::Word(words!["说", "说是", "却说", "居然说"]),
    Part::Gap(6),
    Part::Key(words!["不收", "不给收", "不给退", "不让退", "不给换", "不给修", "不给寄", "不给送"]),
]);
/// 根本吃不了, 根本没用: not at all.
const AT_ALL: Phrase = Phrase(&[Part::Key(words!["根本"]), Part::Gap(2), Part::Word(words!["不", "没"])]);
/// Weighed and short: 称了下只有4斤多.
const SHORT_WEIGHT: Phrase =
    Phrase(&[Part::Key(words!["称了", "称一下", "实际", "到手"]), Part::Gap(3), Part::Word(words!["只有", "才"])]);

const UPSET: Words = words![
    // Exasperation: 开什么玩笑, 搞什么.
    "开什么玩笑",
    "开玩笑吧",
    "搞什么",
    "投诉",
    "差评",
    "举报",
    "生气",
    "气死",
    "垃圾",
    "骗",
    "坑人",
    "太坑",
    "坑了",
    "被坑",
    "坑爹",
    "失望",
    "搞什么",
    "搞啥",
    // Frightened: 我好害怕, 吓死我了.
    "好害怕",
    "很害怕",
    "吓死我",
    "吓坏了",
    // Reproach: 你们这什么意思.
    "你们这什么意思",
    "你们什么意思",
    "你们这啥意思",
    "你们啥意思",
    "好几遍",
    "几遍了",
    "到底",
    "太慢",
    "好久",
    "这么久",
    "急死",
    "受不了",
    "太差",
    "不满意",
    "!!",
    "?!",
    "再不",
    "什么破",
    "没人理",
    "没人管",
    "不理人",
    "太过分",
    "过分了",
    "无语",
    "呵呵",
    "可真行",
    "好家伙",
    "凭什么",
    "给个说法",
    "骗子",
    "不负责任",
    "再也不",
    // Exasperation: 扯淡, 什么鬼, 真麻烦, 等不了.
    "扯淡",
    "扯犊子",
    "什么鬼",
    "狗血",
    "无奈",
    "要疯",
    "疯了",
    "真麻烦",
    "等不了",
    "等不起",
    "这么多事",
    "是机器人吧",
    "都是机器人",
    "机器人啊",
    "算了算了",
    "吓死",
    "吓坏",
    "什么水平",
];

/// Urgency, not anger: 急急急, 快点, 赶紧, 在线等, 人呢, ???.
const URGENT: Words = words![
    "急急",
    "着急",
    "急用",
    "急着",
    "比较急",
    "很急",
    "挺急",
    "在线等",
    "快点",
    "快一点",
    "赶紧",
    "赶快",
    "加急",
    "等用",
    "人呢",
    "???",
];

/// 好久 for 什么时候 (southwestern Mandarin): 帐篷好久到啊, 好久能发货 (not 等了好久).
const WHEN_SOUTHWEST: Words = words![
    "好久到啊",
    "好久到呀",
    "好久到哦",
    "好久到?",
    "好久能到",
    "好久可以到",
    "好久发货",
    "好久能发",
    "好久可以发",
    "好久送",
    "好久能送",
    "好久上门",
    "好久有货",
];

const WHEN: Words = words![
    "什么时候",
    "啥时候",
    "多久",
    "几天",
    "多长时间",
    "何时",
    "哪天",
    "几点",
    "多少天",
    "几号",
    "要等",
    "还要等",
    "时效",
    "最快",
    "要很久",
    "很久吗",
    "还要多久",
    "什么时间",
    "啥时间",
    "几时",
    "具体时间",
    "到达时间",
    "要好久",
    "要多少天",
];

/// A day or hour with something expected and a question: 今天能到吗, 明天送过来吗,
/// 八点能到吗, 几时能换给我: asking when, without the words 什么时候.
const WHEN_EVENT: Phrase =
    Phrase(&[Part::Word(TIME_POINT), Part::Gap(5), Part::Key(EXPECTED_EVENT), Part::Gap(3), Part::Word(ASKING)]);
const TIME_POINT: Words = words![
    "今天",
    "明天",
    "后天",
    "今晚",
    "明早",
    "明晚",
    "今日",
    "明日",
    "当天",
    "周末",
    "这周",
    "本周",
    "下周",
    "月底",
    "几时",
    "什么时间",
    "啥时间",
    "好久",
    "点前",
    "点之前",
    "点能",
    "点半",
    "天能",
    "天内",
    "号",
    "之前",
    "以前",
    "内",
];
const EXPECTED_EVENT: Words = words![
    "到", "送", "发", "退", "收到", "拿到", "有货", "处理", "换", "安装", "上门", "出库", "到账", "回复", "联系",
    "结果", "完成", "修好",
];
const ASKING: Words = words!["吗", "么", "?", "不", "是吧", "呢", "了没"];
/// A chase for news of something under way: 查到了吗, 安排了吗, 退了没, 好了没.
const STATUS_ASKED: Phrase = Phrase(&[Part::Key(UNDER_WAY), Part::Word(words!["了吗", "了没", "了么", "了没有"])]);
const UNDER_WAY: Words = words![
    "查到",
    "安排",
    "看",
    "问",
    "处理",
    "退",
    "发",
    "发货",
    "打包",
    "到账",
    "出结果",
    "审核",
    "到齐",
    "回复",
    "联系",
    "好",
    "弄好",
    "办好",
    "修好",
    "寄出",
    "发出",
];
/// Where it has got to, or whether anyone is there: 到哪了, 什么状态, 人呢.
/// Where the money goes, not where it is: 钱退到哪里了 (我白条付的).
const REFUNDED_TO: Words = words!["退到哪", "退回哪", "退哪", "退到了哪"];

const WHERE_IS_IT: Words = words![
    "到哪了",
    "到哪里了",
    "到哪儿了",
    "到哪儿啦",
    "到哪一步",
    "到什么地方了",
    "什么状态",
    "什么进度",
    "人呢",
    "有人吗",
    "在线等",
];

/// Before the day, words that make it the customer's proposal (可以明天送吗, 改到后天): a
/// request to arrange, not a question of when.
const PROPOSES: Words = words!["可以", "能否", "能不能", "改", "约", "安排", "再", "要", "到"];

const QUESTION_MARKERS: Words = words![
    "?",
    "吗",
    "么",
    "什么",
    "怎么",
    "怎样",
    "多少",
    "几",
    "哪",
    "是否",
    "能不能",
    "可不可以",
    "有没有",
    "是不是",
    "会不会",
    "行不行",
    "要不要",
    "多久",
    "多大",
    "多长",
    "多重",
    "如何",
    "为啥",
    "为什么",
    "请问",
    "想问",
    "咨询",
    "谁",
    "啥",
    "咋",
];

/// The customer is done: these end a chat whatever else the message says.
/// 没了 / 没有了 typed with 么 (the same pinyin key, me): a whole message that says it is done.
const MISTYPED_NONE: &[&str] = &["么了", "么有了"];

const FINAL: Words = words![
    "没有了",
    "没有啦",
    "没事了",
    "没事啦",
    "没别的了",
    "没别的事",
    "没别的问题",
    "没其他了",
    "没其他事",
    "没其他问题",
    "没有其他了",
    "没有其他事",
    "没有其他问题",
    "没有别的了",
    "没有别的事",
    "没有别的问题",
    "就这些",
    "就这样吧",
    "再见",
    "拜拜",
    "没什么问题",
    "没啥问题",
    "没什么事了",
    "没啥事了",
    "没事儿了",
    "我下单了",
    "去下单了",
    "我去下单",
    "我拍了",
    "拍下了",
    // In other words: 没了没了, 那就先这样吧, 木有问题了, 搞定了, 我这边没有疑问了.
    "没了没了",
    // 那就酱紫 (这样子), 回头有事再找你, 那我就坐等收货啦.
    "就酱紫",
    "有事再找",
    "回头再找",
    "坐等收货",
    "先这样",
    "就这样",
    "没有疑问",
    "没疑问",
    "没问题了",
    "木有问题",
    // Choosing between goods: 到底差在哪, 到底哪个好 are comparisons, not exasperation.
    "到底差在",
    "到底有什么区别",
    "到底有啥区别",
    "到底区别",
    "到底哪个",
    "到底选哪",
    "到底买哪",
    "没啥事儿",
    "已经解决",
    "解决了",
    "搞定了",
    // Sichuan and Hubei: 没得其他事了.
    "没得其他",
    "没得别的",
    "没得事",
    "再来看",
    "再说吧",
    "收到了再说",
];

/// Thanks end a chat only when they are most of the message (“好的谢谢”), not when they
/// close a request (“麻烦帮我改一下地址,谢谢”).
const THANKS_CLOSING: Words = words![
    "谢谢您",
    "谢谢你",
    "谢谢啦",
    "谢谢",
    "感谢您",
    "感谢你",
    "感谢",
    "多谢您",
    "多谢你",
    "多谢",
    "谢啦",
    "谢了",
    // Cantonese thanks: 唔该晒.
    "唔该",
    "辛苦您了",
    "辛苦你了",
    "辛苦了",
    "辛苦您",
    "辛苦你",
    "麻烦您了",
    "麻烦你了",
    "麻烦了",
    "3q",
    "thx",
    "thanks",
    "谢谢老板",
    "谢谢客服",
    "谢谢亲",
    "谢谢您的帮助",
    "谢谢你的帮助",
    "感谢您的帮助",
    "感谢你的帮助",
    "感谢帮助",
];

const WEAK_CLOSING: Words = words![
    "好的",
    "好滴",
    "好嘞",
    "好哒",
    "嗯嗯",
    "嗯",
    "哦哦",
    "知道了",
    "明白了",
    "了解了",
    "收到",
    "ok",
    "行",
    "好吧",
    "可以了",
    "好",
    "懂了",
    "晓得了",
    "得嘞",
    "ok的",
];

/// Particles and fillers left over around a closing word.
const FILLER: &[char] = &[
    '的', '了', '啦', '哈', '呀', '哦', '啊', '吧', '呢', '嘛', '喔', '噢', '那', '就', '先', '这', '样', '恩', '哟',
    '滴',
];

/// The customer offers to pay more for what they want (我加钱, 加钱也行, “…保证贵的价钱行么
/// 加钱”): the price is no objection.
fn offers_to_pay_more(text: &str) -> bool {
    contains_any(text, PAYS_MORE)
        || text.split_whitespace().any(|m| matches!(m.trim_matches(is_punct_or_space), "加钱" | "可以加钱"))
}

const PAYS_MORE: Words = words![
    "我加钱",
    "愿意加钱",
    "加钱也行",
    "加钱也可以",
    "加钱也没事",
    "加点钱也行",
    "我补钱",
    "我多付",
    "我可以加钱"
];

const PRICE_OBJECTION: Words = words![
    // Cheaper anywhere else: 二手的都比这便宜一半.
    "比这便宜",
    "比你们便宜",
    "比你家便宜",
    // 这么薄的毛巾也好意思卖25?
    "好意思卖",
    "贵",
    "便宜点",
    "便宜些",
    "便宜一点",
    "再便宜",
    "能便宜",
    "优惠点",
    "优惠一点",
    "少点",
    "少一点",
    "降点价",
    "降个价",
    "能降吗",
    "能不能降",
    "价格高",
    "价格有点高",
    "有点高",
    "抹零",
    "砍价",
    "打个折",
    "划算吗",
    "不划算",
    "别家便宜",
    "比别家",
    "价格太",
    "涨价",
    "涨到",
    "又贵了",
    "卖这个价",
    "卖这么贵",
    "虚高",
    "智商税",
    "割韭菜",
    // A charge the customer finds unfair: 太离谱了, 别人家都免费, 凭什么收.
    "离谱",
    "别人家都",
    "别家都",
    "人家都免费",
    "不值",
    "太黑",
    "宰人",
    "凭什么收",
    // Not worth what it costs: 和百来块的没啥区别, 比去年涨了, 说不过去, 有点坑.
    "没啥区别",
    "没什么区别",
    "涨了",
    "说不过去",
    "有点坑",
    "是不是坑",
    "不值这个价",
    // Paid more than it costs now: 才买三天就便宜了80, 感觉有点亏.
    "有点亏",
    "买亏了",
    "就便宜了",
    // Paying for nothing: 智商税, 网上都能免费搜到, 这不合理, 我不信原价有那么高.
    "智商税",
    "免费搜",
    "不合理",
    // 抢钱呢, 有点下不去手, 含金量在哪.
    "抢钱",
    "下不去手",
    "含金量",
    "原价有那么",
    "不信原价",
    "还要加",
];

const QUALITY_OBJECTION: Words = words![
    // Worse than the imported or the big brand: 国产的奶粉不如进口的吧, 会不会不耐磨.
    "不如进口",
    "不如国外",
    "不如日本",
    "不如原装",
    "不如大牌",
    "不耐磨",
    "不耐用",
    "质量差",
    "质量不好",
    "质量怎么这么",
    "靠谱吗",
    // Looks cheap or skimpy: 看着好廉价, 塑料感很重, 量太少了吧.
    "廉价",
    "塑料感",
    "量太少",
    "量好少",
    // (会不会坏, 容易坏吗: a worry asked, read by WILL_IT_FAIL as a doubt.)
    "不耐用",
    "不好用",
    "担心质量",
    "质量行不行",
    "是正品吗",
    "假货",
    // Suspicion from the price or the look: 合成的吧, 这么便宜, 看着挺薄的.
    "合成的吧",
    "假的吧",
    "是假的",
    "看着挺薄",
    "看着很薄",
    "看着好薄",
    "看起来很薄",
    "翻新的吧",
    "是不是翻新",
    "是不是二手",
    "靠谱不",
    "靠不住",
    // Doubts it works, lasts or is what it says: 没效果, 一洗就破, 能穿几次, 是纯的吗, 你信吗.
    "没效果",
    "白花钱",
    "一洗就",
    "一用就",
    "一穿就",
    // How long it lasts, asked with a sigh (能用几天啊), not a plain question (充一次电能用几天?).
    "能穿几次啊",
    "能用几次啊",
    "能用几天啊",
    "能用几天吧",
    "能撑几天",
    "是纯的吗",
    "真的是纯",
    "掺了",
    "掺假",
    "你信",
    "差别有点大",
    "差别很大",
    "跟主图",
    "和主图",
    // Doubt in other words: 真有用吗, 真的假的, 该不会是贴皮的吧, 摸着跟化纤一样.
    "真有用",
    "真的有用",
    "真的假的",
    "该不会",
    "怕不是",
    "有宣传的那么",
    "有说的那么",
    "贴皮",
    "化纤",
    "高仿",
    "山寨",
    "次品",
    // An unknown brand distrusted: 这个牌子没听说过 感觉不靠谱, 杂牌吧 (not 你们到底靠不靠谱:
    // the shop's service).
    "感觉不靠谱",
    "不太靠谱",
    "不怎么靠谱",
    "杂牌",
    "小牌子",
    "牌子没听说",
    "牌子没听过",
    "没听说过这个牌子",
    "没听过这个牌子",
    // 虚标, 买回来就是个摆设, 别是扩容盘, 怕踩雷, 我是不太信的 (not 给PS5扩容: adding storage).
    "虚标",
    "摆设",
    "扩容盘",
    "扩容卡",
    "是扩容的",
    "踩雷",
    "不太信",
    "差好多",
    "差很多",
    "质量这么差",
    "质量不行",
    // Mediocre, said of the goods or the service: 讲得一般, 做得一般, 没什么干货 (not 记得一般).
    "得一般",
    "得很一般",
    "没什么干货",
    "没啥干货",
    // Worn-looking (看着挺旧的, 成色也太旧了吧), or doubted to measure true (都不准, 能准吗); a
    // name questioned (这么大还叫好表?).
    "挺旧",
    "好旧",
    "很旧",
    "太旧",
    "这么旧",
    "准不准",
    "都不准",
    "测不准",
    "量不准",
    "不太准",
    "不准确",
    "能准吗",
    "还叫好",
];

/// A threat if nothing happens: 如果最近三天不能发货我就要退款了, 再不处理就投诉 (not a
/// question about the policy: 如果不合适我就退货可以吗?).
const ULTIMATUM: Words = words![
    "我就要退款",
    "我就退款",
    "我就要退货",
    "我就退货",
    "我就要取消",
    "我就取消",
    "就投诉",
    "就去投诉",
    "就要投诉",
    "就差评",
    "就给差评",
    "就举报",
    "就曝光",
];

/// The condition of a threat: 如果…, 再不…, 不然….
const IF_NOT: Words = words!["如果", "要是", "再不", "再没", "还不", "不然", "否则"];

/// Where the message threatens ([`ULTIMATUM`]), not asking.
fn ultimatums(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (hit, _) in find_all(text, ULTIMATUM) {
        // (Only after a condition: 然后我就取消订单了 tells what happened.)
        let (start, end) = clause_around(text, hit.start);
        let threat = contains_any(&text[start..hit.start], IF_NOT);
        if threat && !text[hit.end..end.max(hit.end)].contains(['吗', '?', '么', '吧']) {
            out.push(hit.start);
        }
    }
    out
}

/// Gave out soon after it came into use: 用了两天就不行了, 才穿一次就不行了 (not a symptom after
/// a change: 重装系统后用核显就不行了).
const SOON_FAILED: Phrase = Phrase(&[
    Part::Word(words!["用了", "穿了", "戴了", "洗了", "才用", "才穿", "才戴", "没用几", "没几天", "没多久"]),
    Part::Gap(4),
    Part::Key(words!["就不行了"]),
]);

/// What came is not what was bought: 买的是M码 收到是L码, 拍的黑色 发来的是白色.
const NOT_WHAT_I_BOUGHT: Phrase = Phrase(&[
    Part::Word(words!["买的是", "买的", "拍的是", "拍的", "下单的是", "订的是", "我要的是", "选的是", "点的"]),
    Part::Gap(10),
    // 我买的是黑色的鼠标,收到是白色的: the next clause.
    Part::Maybe(words![",", " "]),
    Part::Key(words![
        "收到是",
        "收到的是",
        "发的是",
        "发来的是",
        "到的是",
        "来的是",
        "给我发的",
        "寄来的是",
        "给我寄的",
        "寄的是"
    ]),
]);

/// Other shops and channels, held up against this one.
const ELSEWHERE: Words = words![
    "别家",
    "别人家",
    "人家",
    "其他家",
    "隔壁",
    "别的店",
    "外面",
    "实体店",
    "直播间",
    "别的平台",
    "其他平台",
    "官网",
    "旗舰店",
    "专卖店",
    "五金店",
    "菜市场",
    "批发市场",
    "超市",
    "网上",
    "线下",
    "门店",
    "专柜",
];

/// A price elsewhere held against this one: 别家直播间同款才59, 隔壁只要49.
const CHEAPER_ELSEWHERE: Phrase = Phrase(&[
    Part::Word(ELSEWHERE),
    Part::Gap(10),
    Part::Key(words!["才", "只要", "只卖", "便宜", "就搞定", "就能搞定", "就能", "一模一样", "同款"]),
]);

/// The price held against what else it would buy: 这个价格买个二手都差不多了, 这钱都能买两台了.
const WOULD_BUY_MORE: Phrase = Phrase(&[
    Part::Word(words!["这个价格", "这价格", "这个价", "这价", "这个钱", "这钱", "这些钱"]),
    Part::Gap(10),
    Part::Key(words!["都差不多", "都够", "都能买", "都可以买", "能买两", "能买好几"]),
]);

/// Too little offered for what the customer sells or sends back: 寄卖估价才给6000, 回收只给300.
const OFFERED_LITTLE: Phrase = Phrase(&[Part::Key(words!["才给", "只给"]), Part::Word(DIGIT)]);
const DIGIT: Words = words!["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// Another shop's goods held up as better: 别人家的轻多了, 别家的做工好得多.
const BETTER_ELSEWHERE: Phrase = Phrase(&[Part::Word(ELSEWHERE), Part::Gap(8), Part::Key(words!["多了", "得多"])]);

/// Doubt, in any words, next to what is doubted: the price (价格, 贵, 性价比) or the quality
/// (质量, 效果, 材质, 正品…), either way round within a clause.
const PRICE_DOUBTED: [Phrase; 2] = [
    Phrase(&[Part::Word(DOUBT), Part::Gap(8), Part::Key(PRICE_TOPIC)]),
    Phrase(&[Part::Key(PRICE_TOPIC), Part::Gap(8), Part::Word(DOUBT)]),
];
const QUALITY_DOUBTED: [Phrase; 5] = [
    // 这么便宜 alone: a doubt as often as delight (哇这么便宜), so likely only.
    Phrase(&[Part::Key(words!["这么便宜", "那么便宜"])]),
    Phrase(&[Part::Word(DOUBT), Part::Gap(8), Part::Key(QUALITY_TOPIC)]),
    Phrase(&[Part::Key(QUALITY_TOPIC), Part::Gap(8), Part::Word(DOUBT)]),
    // 真能保温12小时?, 真不粘吗: a claim questioned.
    Phrase(&[
        Part::Key(words!["真能", "真不", "真的能", "真会", "真的会", "真的不"]),
        Part::Gap(10),
        Part::Word(words!["?", "吗", "么"]),
    ]),
    // 不会买回来就是个摆设吧: the worst supposed.
    Phrase(&[Part::Key(words!["不会"]), Part::Gap(10), Part::Word(words!["吧"])]),
];
const DOUBT: Words = words![
    "真的",
    "真有",
    "靠谱",
    "会不会",
    "怕",
    "担心",
    "不信",
    "怀疑",
    "别是",
    "该不会",
    "不会是",
    "确定是",
    "敢保证",
    "能保证",
    "值不值",
    "值得吗",
    "这么",
    "那么",
    "太",
    "有点",
    "感觉",
    "看着",
    "摸着",
    "不太",
    "不怎么",
    "一般般",
    "是不是",
    "真货",
    "真的吗",
];
const PRICE_TOPIC: Words = words!["价格", "价钱", "贵", "性价比", "原价", "卖这么", "卖那么", "这个价", "这价"];
const QUALITY_TOPIC: Words = words![
    // Too thin, felt or seen (这被子摸着好薄啊, 会不会太薄): a doubt read less surely.
    "薄",
    // Suspicion from the price (这么便宜,质量靠谱吗): with doubt only; 哇这么便宜 is delight.
    "这么便宜",
    "质量",
    "效果",
    "材质",
    "做工",
    "正品",
    "真假",
    "耐用",
    "品质",
    "面料",
    "用料",
    "口感",
    "寿命",
    "续航",
    "误差",
    "成色",
    "甲醛",
    "成分",
    "原装",
    "全新",
    "翻新",
    "二手",
    "假的",
    "靠得住",
    "安全吗",
    "做小",
    "做大",
    "偏小",
    "挤脚",
    "显胖",
    "缩水",
];

/// A doubt that the goods will last: 会不会塌, 容易掉色吗, 是不是一洗就缩水.
const WILL_IT_FAIL: Phrase = Phrase(&[
    Part::Word(words!["会不会", "会不", "容易", "是不是", "怕", "担心", "别"]),
    Part::Gap(6),
    Part::Key(GOES_WRONG),
]);
const GOES_WRONG: Words = words![
    "坏",
    "塌",
    "掉色",
    "褪色",
    "起球",
    "变形",
    "漏",
    "裂",
    "生锈",
    "掉",
    "破",
    "开胶",
    "过敏",
    "异味",
    "有味",
    "缩水",
    "断了",
    "断掉",
    "断裂",
    "卡顿",
    "发烫",
    "掉漆",
    "松",
    "散架",
    "脏",
    "显黑",
    "塑料味",
    "烂",
    "伤",
    "刺激",
    "不干净",
    // 实际网速会不会很慢, 会不会经常掉线
    "很慢",
    "太慢",
    "掉线",
    "不稳",
];

/// Priced like a better-known make: 价格都快赶上戴森了.
const PRICED_LIKE: Phrase = Phrase(&[
    Part::Word(words!["价格", "价钱", "这价", "卖得", "卖的"]),
    Part::Gap(6),
    Part::Key(words!["赶上", "比得上", "顶上"]),
]);

const WAITING: Words = words![
    // A promise broken again: 说好的今天发 又没发, 还是没到.
    "又没发",
    "又没到",
    "又没动",
    "还是没发",
    "还是没到",
    "还是没收到",
    "还是没动",
    "还没到",
    "还没收到",
    "没收到",
    "还没发",
    "没发货",
    "还没动",
    "没动静",
    "不动",
    "太慢",
    "好久",
    "这么久",
    "多久了",
    "几天了",
    "好几天",
    "多天了",
    "x]天了",
    "等了好久",
    "等了很久",
    "等了半天",
    "等了几天",
    "等了一",
    "等了两",
    "等了三",
    "等了这么",
    "等了那么",
    "等了多久",
    "等了[",
    "一直等",
    "还在等",
    "还要等",
    "还没退",
    "没退",
    "没到账",
    "我的退款呢",
    "退款呢?",
    "退款还没",
    "怎么还没",
    "催",
    "一直没",
    "快一点",
    "快点",
    "赶紧",
    "尽快",
    "结果呢",
    "怎么样了",
    "进度",
    "拖了",
];

/// A wait judged long or a promise broken again: more than not yet (see
/// [`Customer::waited_long`]).
const LONG_WAIT: Words = words![
    "又没",
    "还是没",
    "太慢",
    "好慢",
    "好久",
    "很久",
    "太久",
    "这么久",
    "那么久",
    "这么长时间",
    "那么长时间",
    "好长时间",
    "很长时间",
    // (Not 多长时间: that asks how long.)
    "长时间没",
    "长时间不",
    "多久了",
    "几天了",
    "好几天",
    "多天了",
    "x]天了",
    "等了",
    "一直等",
    "一直没",
    "一直不",
    "至今",
    "迟迟",
    "到现在",
    "拖了",
    "半天了",
];

const THANKS: Words =
    words!["谢谢", "感谢", "多谢", "谢了", "唔该", "3q", "thx", "thanks", "辛苦了", "辛苦您", "辛苦你"];

/// Phrases that contain a signal word without carrying the signal.
const NOT_A_SIGNAL: Words = words![
    // 垃圾 the bin and the bag, not an insult: 垃圾袋一卷多少只.
    "垃圾袋",
    "垃圾桶",
    "垃圾分类",
    "垃圾篓",
    // Which is the dearest, asked: 这个衣柜是你们最贵的款吗.
    "最贵的款",
    "最贵的是",
    "最贵的那",
    "最贵的一款",
    // Their own typing: 打字太慢了.
    "打字太慢",
    "打字慢",
    // A high instep, not a high price: 脚背有点高.
    "脚背有点高",
    "脚背高",
    "个子高",
    "个子有点高",
    // 薄 named, not judged: 猫薄荷, 轻薄款.
    "薄荷",
    "轻薄",
    "薄款",
    // Remembers, not judges: 记得一般是三天.
    "记得一般",
    "晓得一般",
    // Too heavy to carry, not a parcel that doesn't move: 8楼没电梯,拎不动.
    "拎不动",
    "搬不动",
    "扛不动",
    "抬不动",
    "提不动",
    "拿不动",
    "背不动",
    "走不动",
    // A feedback channel asked about: 投诉建议在哪里提交(我想表扬一下师傅).
    "投诉建议",
    "投诉和建议",
    "投诉与建议",
    "我有问题",
    "有个问题",
    "有些问题",
    "一个问题",
    "有问题吗",
    "有问题要",
    "有问题想",
    "没有问题",
    "没问题",
    "木有问题",
    // Choosing between goods: 到底差在哪, 到底哪个好 are comparisons, not exasperation.
    "到底差在",
    "到底有什么区别",
    "到底有啥区别",
    "到底区别",
    "到底哪个",
    "到底选哪",
    "到底买哪",
    // The price asked, yes or no: 多久换一次 贵不贵 (an objection says it is: 太贵了).
    "贵不贵",
    // A card, not stuck (电子卡在哪看卡密 is no 卡在哪).
    "电子卡",
    "礼品卡",
    "银行卡",
    "会员卡",
    "购物卡",
    "e卡",
    "京东卡",
    "储值卡",
    "信用卡",
    "手机卡",
    "内存卡",
    "贵公司",
    "贵司",
    "贵店",
    "贵方",
    "贵州",
    "贵阳",
    "贵宾",
    "宝贵",
    "富贵",
    "对不对",
    "不对称",
    "不用谢",
    "不谢",
    "谢谢了解",
    "漏接",
    "漏掉电话",
    "质量问题指",
    "不是质量问题",
    "质量问题的话",
    "什么情况下",
    "无假货",
    "不是假货",
    "会不会过期",
    "用不了多久",
    "用不了那么",
    "用不了这么",
    "吃不了那么",
    // How long the goods last, not when something comes.
    "保修多久",
    "质保多久",
    "保修期多久",
    "保质期多久",
    "能用多久",
    "可以用多久",
    "用多久",
    "续航多久",
    "待机多久",
    "保温多久",
    "保鲜多久",
    "能放多久",
    "放多久",
    "不让人失望",
    "没有失望",
    "不会失望",
    "不失望",
    "不能用其他",
    "不能用别的",
    "不能用券",
    "不是着急",
    "不是故障",
    "不是质量",
    "多少个",
    "不着急",
    "不急",
    "没生气",
    "不生气",
    "不是投诉",
    "催单",
    "第一次了",
    "不能用优惠",
    "不能用卡",
    "用不了几",
    "我摔坏",
    "自己摔",
    "我弄坏",
    "自己弄坏",
    "我自己弄",
];

/// Question-marker look-alikes in statements.
const NOT_A_QUESTION: Words = words![
    "好几",
    // 没啥事了, 没什么问题了: nothing, not what.
    "没啥",
    "没什么",
    "没有什么",
    "几天了",
    "几次了",
    "几遍了",
    "没几",
    "这几",
    "那几",
    "前几",
    "什么的",
    "怎么都",
    "哪里都",
    "多少有",
    "谁都",
    "谁也",
    "谁知道",
    // 这么快, 那么多: degree, not the question particle 么.
    "这么",
    "那么",
    "多么",
];

/// Openers that only check someone is there (“在吗?”): not questions to answer.
const PRESENCE: Words =
    words!["在吗", "在不在", "有人吗", "有人在吗", "客服在吗", "人呢", "您好", "你好", "亲", "hello", "hi"];

/// Asking for advice: what to do, which to choose, what to mind.
const ADVICE_ASKED: Words = words![
    "比较好",
    "哪个好",
    "哪种好",
    "哪款好",
    "选哪",
    "哪个更",
    "哪款更",
    "怎么选",
    "该怎么",
    "应该怎么",
    "怎么做好",
    "怎么弄好",
    "怎样才",
    "怎么才能",
    "注意什么",
    "注意事项",
    "有什么区别",
    "什么区别",
    "要买什么",
    "买什么好",
    "怎么养",
    "怎么保存",
    "怎么保养",
    // Where to keep it: 用完放哪, 怎么收纳 (not 快递放哪了, where it went).
    "用完放哪",
    "不用时放哪",
    "放哪好",
    "放哪里好",
    "怎么放",
    "怎么收纳",
    "怎么喂",
    // 种小麦用啥肥 我不太懂: what to use, asked by someone new to it.
    "用什么",
    "不太懂",
    "推荐"
];

/// How someone treated the customer.
const MANNER: Words = words!["态度", "语气", "不耐烦", "爱答不理", "不理人", "凶我", "吼我"];

/// A question whose answer is several points: a list, a process, a difference.
const POINTS_ASKED: Words = words![
    "哪些",
    "有什么区别",
    "什么区别",
    "区别是",
    "流程",
    "步骤",
    "送什么",
    "包含什么",
    "包括什么",
    "有什么要求",
    "怎么区分",
    "标准是什么",
    "什么标准",
    "什么要求",
    "什么条件",
    "需要准备什么",
    "要买什么",
    "需要买什么",
];

/// The text with the spoken question words written out (啥 → 什么, 咋 → 怎么), for the lists
/// of what is asked.
fn written_question_words(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('啥') && !text.contains('咋') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 6);
    for c in text.chars() {
        match c {
            '啥' => out.push_str("什么"),
            '咋' => out.push_str("怎么"),
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The customer declines or puts off buying (不买了, 先不要, 再考虑, 想再对比几家, 头盔就不加购了).
const DECLINES: Words = words![
    // Has enough already: 已经买了一盒,够喝了; 不用再推荐了.
    "够喝了",
    "够用了",
    "够吃了",
    "不用再推荐",
    "别再推荐",
    "不用推荐",
    // Less than offered, or later: 我就要一盒, 电池就不换了, 周末再付款, 不一定用得上.
    "就要一",
    "只要一",
    "只买一",
    "就不换了",
    "再付款",
    "不一定用得上",
    "不要了",
    "不买了",
    "不买",
    "先不买",
    "暂时不买",
    "不需要了",
    "先不要",
    "暂时不要",
    "不加购",
    "不加了",
    "不订了",
    "不报了",
    "不办了",
    "对比几家",
    "对比一下",
    "比较一下",
    "货比三家",
    "再对比",
    "再比较",
    "算了",
    "再看看",
    "再考虑",
    "考虑一下",
    "考虑考虑",
    "犹豫",
    "再想想",
    "先不",
    "暂时不",
    "不需要",
    "不用了",
    // Not the shop's extra: 贺卡我自己写,不用你们的.
    "不用你们",
    "不要你们",
    // Has it already: 接头家里有, 刀片已经有了.
    "家里有",
    "家里还有",
    "已经有了",
];

/// A no that waits on the answer: 还有别的颜色吗 没有就算了 (offering one is no push).
const ONLY_IF_NOT: Phrase = Phrase(&[
    Part::Word(words!["没有", "没货", "没得", "不行", "不能", "不可以", "做不到"]),
    Part::Maybe(words!["的话"]),
    Part::Key(words!["就算了", "那就算了", "就不要了", "就不买了"]),
]);

/// Put off until someone else is asked or some other time: 我问问领导再说, 回头再说.
const PUTS_OFF: Phrase = Phrase(&[
    Part::Word(words!["问问", "问下", "问一下", "商量", "回头", "以后", "到时候", "过几天", "等等"]),
    Part::Gap(6),
    Part::Key(words!["再说"]),
]);

thread_local! {
    /// The last message [`Customer::read`] read on this thread, with its reading.
    static LAST: RefCell<Option<(String, Customer)>> = const { RefCell::new(None) };
}

impl Customer {
    /// [`Customer::new`], remembering the last message read on this thread: while an agent
    /// types, every check reads the same customer message (a few µs of each check).
    pub fn read(raw: &str) -> Customer {
        if let Some(c) = LAST.with(|last| last.borrow().as_ref().filter(|(r, _)| r == raw).map(|(_, c)| c.clone())) {
            return c;
        }
        let c = Customer::new(raw);
        LAST.with(|last| *last.borrow_mut() = Some((raw.to_owned(), c.clone())));
        c
    }

    pub fn new(raw: &str) -> Customer {
        let text = fold(raw);
        // Look-alikes masked out before matching: “我有问题想问” is no complaint, “贵公司”
        // no price objection, “还没收到” no closing.
        let masked = mask(&text, NOT_A_SIGNAL);
        // 好久 asking when (帐篷好久到啊) judges no wait long.
        let asks_when_southwest = contains_any(&text, WHEN_SOUTHWEST);
        let masked = if asks_when_southwest { mask(&masked, WHEN_SOUTHWEST) } else { masked };
        // Dozens of lists are looked up in it: read it once for all.
        let _scope = super::scope_at(CUSTOMER_SLOT, &[&masked]);
        let questions = questions(&text);
        // Where the customer reports a problem, outside any supposition.
        let mut cues: Vec<usize> = Vec::new();
        for list in [COMPLAINT, DEFECTS, OVERDUE_WORDS] {
            if contains_any(&masked, list) {
                cues.extend(find_all(&masked, list).into_iter().map(|(r, _)| r.start));
            }
        }
        cues.extend(BAD.find(&masked).into_iter().map(|h| h.span.start));
        for p in [
            NOT_WHAT_I_BOUGHT,
            BROKEN_PROMISE,
            MISSED_APPOINTMENT,
            TURNED_OUT,
            PRICED_ABOVE_WORD,
            AT_ALL,
            SHORT_WEIGHT,
            WAITED_IN_VAIN,
            WHY_CHANGED,
            REFUSED_THEM,
        ] {
            cues.extend(p.find(&masked).into_iter().map(|h| h.span.start));
        }
        // “我还是没懂 到底哪天发”: 到底 presses for the answer not understood, not in anger.
        let confused = contains_any(&masked, CONFUSED);
        cues.retain(|&at| {
            let puzzled = confused && masked[at..].starts_with("到底");
            !(supposed(&masked, at)
                || own_mistake(&masked, at)
                || puzzled
                || presses_for_a_fact(&masked, at)
                || in_a_not_a(&masked, at))
        });
        // An ultimatum is supposed in its words (如果…我就要退款了), and still a complaint.
        let ultimatum = ultimatums(&masked);
        cues.extend(&ultimatum);
        // Not yet is the state that lets a customer who calls the order off do so (不想要了,
        // 能仅退款吗 还没收到): no grievance.
        let calling_off = contains_any(&masked, CALLING_OFF);
        if calling_off {
            cues.retain(|&at| !starts_with_any(&masked[at..], NOT_YET_CUES));
        }
        // “推不动,是不是我自己装错了”: a fault the customer puts down to themselves; “差评说…
        // 是真的吗”: someone else's.
        let hearsay = contains_any(&masked, HEARSAY);
        if SELF_DOUBT.is_in(&masked) || hearsay {
            cues.clear();
        }
        // What has not happened yet, or a wait counted out, is a complaint and a wait at once
        // (not yet, but for a customer calling the order off).
        let not_yet: &[Phrase] = if calling_off { &[] } else { &[NOT_YET] };
        let overdue: Vec<usize> = [COUNTED, STALLED]
            .iter()
            .chain(not_yet)
            .flat_map(|p| p.find(&masked))
            .filter(|h| !got_by_doing(&masked, h))
            .map(|h| h.span.start)
            .filter(|&at| !supposed(&masked, at))
            .collect();
        cues.extend(&overdue);
        let complaint = !cues.is_empty();
        let complaint_mild = mild_complaint(&masked);
        // “哦!!!谢谢”: exclamation marks that thank are glad, not upset.
        let thanks = contains_any(&masked, THANKS);
        let upset = !ultimatum.is_empty()
            || !hearsay
                && find_all(&masked, UPSET).into_iter().any(|(hit, w)| {
                    let glad = thanks && w == "!!";
                    let puzzled = confused && w == "到底";
                    !(glad
                        || puzzled
                        || presses_for_a_fact(&masked, hit.start)
                        || wondering(&masked, hit.start)
                        || supposed(&masked, hit.start))
                });
        let urgent = contains_any(&masked, URGENT) || repeats_itself(&text);
        // (Calling the order off, 还没到 is no wait: 东西不想要了 还没到.)
        let not_yet_blanked;
        let for_waiting = if calling_off {
            not_yet_blanked = mask(&masked, NOT_YET_CUES);
            &not_yet_blanked
        } else {
            &masked
        };
        let waiting = contains_any(for_waiting, WAITING)
            || contains_any(for_waiting, OVERDUE_WORDS)
            || !overdue.is_empty()
            || STATUS_ASKED.is_in(&masked)
            || contains_any(&mask(&masked, REFUNDED_TO), WHERE_IS_IT)
            || urgent;
        let counted = [COUNTED, STALLED]
            .iter()
            .flat_map(|p| p.find(for_waiting))
            .any(|h| !got_by_doing(for_waiting, &h) && !supposed(for_waiting, h.span.start));
        let waited_long = waiting
            && (urgent || counted || contains_any(for_waiting, LONG_WAIT) || contains_any(for_waiting, OVERDUE_WORDS));
        let asks_about_wait = waiting && questions.iter().any(|q| about_the_wait(q));
        // “送修一周了,想问下进度”, “在海关几天了,正常吗?”: a wait noted in a calm question.
        let calm_inquiry = !upset && !urgent && (contains_any(&masked, WONDER) || contains_any(&masked, IS_IT_NORMAL));
        let complaint_asked = complaint
            && !upset
            && (!waiting || calm_inquiry)
            && cues.iter().all(|&at| asked(&masked, at) || calm_inquiry);
        let bare = bare_words(&masked);
        let closing = closing(&masked, &bare, &text, complaint, !questions.is_empty());
        // (应该不会 hopes, it does not doubt: 京东物流应该不会这么低效率吧 holds no 该不会.)
        let doubts_quality = contains_any(&mask(&masked, &["应该不会"]), QUALITY_OBJECTION);
        // “早上测和晚上测差好多,正常吗”: a difference asked about, not a doubt of the goods.
        let difference_asked =
            contains_any(&masked, IS_IT_NORMAL) && !contains_any(&mask(&masked, DIFFERENCE), QUALITY_OBJECTION);
        // 要注意啥, 有啥区别, 咋选: the spoken question words asked as the written ones.
        let written = written_question_words(&masked);
        Customer {
            says_done: contains_any(&masked, FINAL),
            complaint_mild,
            leaving: leaving(&bare),
            urgent,
            complaint,
            complaint_asked,
            upset,
            // (“都好几天了” counts days, it does not ask for one.)
            asks_when: (contains_any(&masked, WHEN) && contains_any(&mask(&masked, NOT_A_QUESTION), WHEN))
                || asks_for_a_day(&masked)
                || asks_when_southwest,
            price_objection: (contains_any(&masked, PRICE_OBJECTION) && !offers_to_pay_more(&masked))
                || CHEAPER_ELSEWHERE.is_in(&masked)
                || WOULD_BUY_MORE.is_in(&masked)
                || OFFERED_LITTLE.is_in(&masked)
                || PRICED_LIKE.is_in(&masked),
            quality_objection: (doubts_quality && !difference_asked)
                || SOON_FAILED.is_in(&masked)
                || (BETTER_ELSEWHERE.is_in(&masked) && !CHEAPER_ELSEWHERE.is_in(&masked)),
            price_doubted: PRICE_DOUBTED.iter().any(|p| p.is_in(&masked)),
            // “会不会很容易脏啊”: a worry asked before buying, an objection read less surely.
            quality_doubted: hearsay || WILL_IT_FAIL.is_in(&masked) || QUALITY_DOUBTED.iter().any(|p| p.is_in(&masked)),
            declines: contains_any(&ONLY_IF_NOT.mask(&masked), DECLINES) || PUTS_OFF.is_in(&masked),
            asks_advice: contains_any(&written, ADVICE_ASKED),
            asks_for_points: contains_any(&written, POINTS_ASKED),
            waiting,
            waited_long,
            asks_about_wait,
            thanks,
            questions,
            closing,
            text,
        }
    }

    /// Whether the customer speaks of how someone treated them (态度很不满意, 说话语气太差, 爱答
    /// 不理): an apology and understanding for the experience, not for a wait.
    pub fn complains_of_manner(&self) -> bool {
        contains_any(&self.text, MANNER)
    }

    /// No clear complaint, but likely one, worded mildly: worth an apology as a hint, not a
    /// warning.
    pub fn complaint_likely(&self) -> bool {
        !self.complaint && self.complaint_mild
    }

    pub fn is_empty(&self) -> bool {
        self.text.chars().all(is_punct_or_space)
    }
}

/// The same message sent again (“我要转人工 我要转人工”): the customer feels unheard.
fn repeats_itself(text: &str) -> bool {
    // Pasted data (order cards, links, masked numbers) is repeated by the console, not by
    // the customer: only messages of their own words count.
    let own_words = |m: &&str| !m.contains(['[', ':']) && m.chars().filter(|&c| is_han(c)).count() >= 4;
    let messages: Vec<&str> = text.split_whitespace().filter(own_words).collect();
    messages.iter().enumerate().any(|(i, m)| messages[i + 1..].contains(m))
}

/// A grievance worded mildly, outside any supposition.
fn mild_complaint(text: &str) -> bool {
    let mut cues = find_all(text, LIKELY_COMPLAINT).into_iter().map(|(r, _)| r.start);
    cues.any(|at| !supposed(text, at) && !own_mistake(text, at))
        || [WHY_CHARGED, WONT_WORK].iter().flat_map(|p| p.find(text)).any(|h| !supposed(text, h.span.start))
}

/// Something the customer can't do with the goods or the app: 装不了, 加载不出来, 退不了.
const WONT_WORK: Phrase = Phrase(&[
    Part::Word(words![
        "用", "吃", "穿", "装", "安装", "退", "报销", "充", "连", "登", "登录", "打", "洗", "提现", "付", "支付",
        "付款", "领", "播", "播放", "加载", "下载", "启动", "插", "关", "使用", "打开", "开机", "扫", "识别", "激活",
        "兑换",
    ]),
    Part::Key(words!["不了", "不上", "不出来", "不进去", "不开", "不进"]),
]);

/// 今天能到吗: a day and an expected event asked about, not proposed (可以明天送吗).
fn asks_for_a_day(text: &str) -> bool {
    WHEN_EVENT.find(text).iter().any(|hit| {
        let before = &text[..hit.span.start];
        let from = before.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
        !contains_any(&before[from..], PROPOSES)
    })
}

/// A question about a wait: what has not come (怎么还没到), how far it has got (到哪了,
/// 处理了吗), or a wait counted out.
fn about_the_wait(question: &str) -> bool {
    contains_any(question, WAITING)
        || contains_any(question, OVERDUE_WORDS)
        || contains_any(question, WHERE_IS_IT)
        || [NOT_YET, COUNTED, STALLED, STATUS_ASKED].iter().any(|p| p.is_in(question))
}

/// “怎么没领到” (a coupon), “还没买到”: 到 completes a verb of getting or finding, it is not
/// something arriving (收到, 拿到 and 到账 still are).
fn got_by_doing(text: &str, hit: &Hit) -> bool {
    let Some(arrived) = hit.parts.last() else { return false };
    &text[arrived.clone()] == "到"
        && char_before(text, arrived.start).is_some_and(|c| "领抢买找看想听用做办遇碰".contains(c))
}

/// The not-yet cues of [`COMPLAINT`].
const NOT_YET_CUES: Words = words!["还没收到", "没收到", "还没发", "没发货", "还没到", "没到"];

/// The customer calls the order off: what has not happened yet is then no grievance.
const CALLING_OFF: Words =
    words!["不想要了", "不要了", "不想买了", "不买了", "不需要了", "取消订单", "想取消", "要取消"];

/// Whether the cue at byte `at` is the customer's own slip (“我刚才把订单号发错了”, “我摔坏了”):
/// 我 before it in its clause, and a cue of doing something wrong.
pub(super) fn own_mistake(text: &str, at: usize) -> bool {
    let (start, _) = clause_around(text, at);
    let cue = &text[at..];
    let slip = ["发错", "弄错", "搞错", "写错", "填错", "拍错", "买错", "摔坏", "摔碎", "弄坏"]
        .iter()
        .any(|c| cue.starts_with(c));
    slip && text[start..at].contains('我') && !text[start..at].contains("你们") && !text[start..at].contains("给我")
}

/// Whether the clause around byte `at` is a question (为什么…, …吗?).
/// Whether the words at byte `at` are wondered about calmly: 我想知道这个怎么回事, 想问一下…
fn wondering(text: &str, at: usize) -> bool {
    let (start, _) = clause_around(text, at);
    contains_any(&text[start..at], WONDER)
}

/// Whether the cue at `at` starts with the 不 of an A-not-A question: 不能用 in 能不能用 asks.
fn in_a_not_a(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    rest.starts_with('不') && char_before(text, at).is_some_and(|c| rest['不'.len_utf8()..].starts_with(c))
}

/// “到底有没有货”, “到底能不能用在苹果电脑上”: a fact about the goods pressed for, not a grievance.
fn presses_for_a_fact(masked: &str, at: usize) -> bool {
    masked[at..].strip_prefix("到底").is_some_and(|rest| starts_with_any(rest, GOODS_FACT))
}

/// A yes-or-no about the goods (有没有货, 能不能用, 支不支持): asked, not complained of.
const GOODS_FACT: Words = words![
    "有没有货",
    "有货没",
    "有货吗",
    "能不能用",
    "能不能装",
    "能不能穿",
    "支不支持",
    "支持不支持",
    "适不适合",
    "适合不适合",
    "兼不兼容",
    "兼容不兼容",
    "带不带",
    "送不送"
];

/// The customer did not understand the answer (我还是没懂, 没搞懂).
const CONFUSED: Words =
    words!["没懂", "没搞懂", "没看懂", "没听懂", "没明白", "不明白", "看不懂", "搞不懂", "不太懂", "没太懂"];

/// A difference noticed (早晚测差好多): an objection unless asked about as normal or not.
const DIFFERENCE: Words = words!["差好多", "差很多", "差别很大", "差别有点大"];

/// Whether it is normal: asked calmly.
const IS_IT_NORMAL: Words = words!["正常吗", "正常不", "正不正常", "是正常的吗"];

/// Calm openers of a question, and a request to look into it (您能帮我看一下是怎么回事吗).
const WONDER: Words = words![
    "想知道",
    "想问",
    "想了解",
    "请问",
    "问一下",
    "咨询一下",
    "帮我看一下",
    "帮我看看",
    "帮忙看一下",
    "帮忙看看",
    "帮我查一下",
    "帮我查查",
    "帮忙查一下",
];

fn asked(text: &str, at: usize) -> bool {
    let (start, end) = clause_around(text, at);
    let clause = &text[start..end];
    clause.contains(['?', '吗'])
        || contains_any(clause, &["为什么", "为啥", "怎么回事", "是不是"])
        || text[end..].starts_with('?')
}

/// The clause around byte `at`: from after the clause end before it to the one after it, at
/// most [`CLAUSE_REACH`] bytes either way (a pasted page with no punctuation stays linear).
fn clause_around(text: &str, at: usize) -> (usize, usize) {
    let mut from = at.saturating_sub(CLAUSE_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (at + CLAUSE_REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let start = text[from..at]
        .rfind(is_clause_end)
        .map_or(from, |i| from + i + text[from + i..].chars().next().map_or(1, char::len_utf8));
    let end = text[at..to].find(is_clause_end).map_or(to, |i| at + i);
    (start, end)
}

/// How far [`clause_around`] looks: 40 Han characters.
const CLAUSE_REACH: usize = 120;

/// Whether the clause around byte `at` supposes rather than reports: a 如果/要是/万一 before
/// `at`, or a 的话 after it.
pub(super) fn supposed(text: &str, at: usize) -> bool {
    let (start, end) = clause_around(text, at);
    let before = &text[start..at];
    contains_any(before, SUPPOSE)
        || text[at..end].contains("的话")
        || ends_with_any(before, ["别", "不要", "可别"])
        || contains_any(&text[at..end], GUARANTEE_ASKED)
        || ends_with_any(before, ASKED_BEFORE)
        || asks_a_property(&text[at..end])
}

/// Before a fault, these ask whether or when it happens rather than report it: 有没有起球,
/// 会不会掉色, 能不能保证不出坏点, 优惠券什么时候过期.
const ASKED_BEFORE: Words =
    words!["有没有", "会不会", "是否会", "是否", "保证不出", "保证不会", "保证没有", "保证不", "什么时候", "多久"];

/// The cue asked about as the goods' property, not reported: 这件毛衣起球吗, 会掉色不 (a
/// report says 了: 起球了吗).
fn asks_a_property(from_cue: &str) -> bool {
    // (Not 么 or 嘛: 搞什么啊, 这不扯淡嘛, 没收到么 complain; nor what has not happened yet:
    // 还没到吗 chases.)
    if from_cue.starts_with('还') || from_cue.starts_with('没') || from_cue.starts_with("一直") {
        return false;
    }
    let word_end = from_cue.find(['吗', '不']).unwrap_or(from_cue.len());
    let word = &from_cue[..word_end];
    // 噪音大不大: the last character again after 不 asks too.
    let mut rest = from_cue[word_end..].chars().skip(1).peekable();
    if from_cue[word_end..].starts_with('不') && rest.peek().is_some_and(|&c| word.ends_with(c)) {
        rest.next();
    }
    word_end < from_cue.len()
        && word.chars().count() <= 3
        && !word.contains('了')
        && !word.is_empty()
        && rest.next().is_none_or(|c| is_punct_or_space(c) || "啊呀呢".contains(c))
}

/// Asking what the shop guarantees should it happen: 坏了包赔不, 碎了给不给换.
const GUARANTEE_ASKED: Words = words!["包赔", "包退", "包换", "保赔", "赔不赔", "给不给赔", "给不给换", "给不给退"];

/// The customer wonders whether they caused it themselves: 是不是我自己装错了.
const SELF_DOUBT: Phrase = Phrase(&[
    Part::Word(words!["是不是我", "是不是自己", "会不会是我", "难道是我", "可能是我"]),
    Part::Gap(4),
    Part::Key(words!["错", "反", "不对", "弄坏", "用坏", "没装好", "没弄好"]),
]);

/// Clauses that ask something, merged when one question spans two clauses
/// (“我想问一下，这个多大?” is one question).
/// A question as a verb and its negation (送不送, 收没收, 好不好): the same character on both
/// sides of 不 or 没.
fn a_not_a(clause: &str) -> bool {
    let mut w = ['\0'; 3];
    clause.chars().any(|c| {
        w = [w[1], w[2], c];
        // (Not a particle: 没了没了 is a no.)
        (w[1] == '不' || w[1] == '没') && w[0] == w[2] && is_han(w[0]) && !"了的着过吧呢啊".contains(w[0])
    })
}

/// A question ending in 不 / 没 / 没有 / 伐 (便宜点不, 收到没, 会缩水伐), offering a choice
/// (余额还是银行卡), or a short follow-up ending in 呢 (15pro呢; not 谢谢呢).
fn ends_asking(clause: &str) -> bool {
    let c = clause.trim_end_matches(|ch: char| is_punct_or_space(ch) || "啊呀呢哈嘛".contains(ch));
    let ends = ["不", "没", "没有", "伐"].iter().any(|w| c.ends_with(w)) && c.chars().count() >= 3;
    // 能拿到电子版嘛: 嘛 asking, after a modal.
    let ma = clause.trim_end_matches(|ch: char| is_punct_or_space(ch)).ends_with('嘛')
        && contains_any(c, &["能", "会", "可以", "有", "是"])
        && c.chars().count() >= 4;
    // A short follow-up on the last question: “15pro呢?”.
    let follow_up = clause.trim_end_matches(|ch: char| is_punct_or_space(ch)).ends_with('呢')
        && (2..=8).contains(&c.chars().count())
        && !["好", "是", "对", "嗯", "行", "可以", "知道", "明白", "没有", "没事", "在"]
            .iter()
            .any(|w| c.starts_with(w))
        // “谢谢呢!”: thanks, softened.
        && !starts_with_any(c, THANKS);
    // 还是 between two things, not 还是 as “still” (还是没到).
    let choice = c.find("还是").is_some_and(|i| {
        i > 0 && !contains_any(&c[i..], &["还是没", "还是不", "还是一样"]) && !c[..i].ends_with("结果")
    });
    ends && !contains_any(
        c,
        &["都不", "也不", "并不", "从不", "根本不", "绝对不", "暂时没", "暂时不", "都没", "也没", "还没", "并没"],
    ) || choice
        || follow_up
        || ma
}

fn questions(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut clause = String::new();
    let flush = |clause: &mut String, out: &mut Vec<String>| {
        let marked = clause.contains('?');
        let c = clause.trim_matches(|ch: char| is_punct_or_space(ch)).to_owned();
        clause.clear();
        // “都好几天了”, “说了几遍了”: 几 in a complaint asks nothing.
        // (Masking only takes words out: a clause with no marker needs no masked copy.)
        let marker = contains_any(&c, QUESTION_MARKERS) && contains_any(&mask(&c, NOT_A_QUESTION), QUESTION_MARKERS);
        let asked = marked || marker || a_not_a(&c) || ends_asking(&c);
        if c.is_empty() || !asked {
            return;
        }
        let bare: String = c.chars().filter(|ch| !is_punct_or_space(*ch)).collect();
        if PRESENCE.iter().any(|p| bare == *p) || (bare.chars().count() <= 6 && bare.ends_with("在吗")) {
            return;
        }
        // “么了”, “么有了”: 没了 mistyped (么 and 没 share the key me), no question.
        if MISTYPED_NONE.iter().any(|p| bare.starts_with(p)) {
            return;
        }
        // A bare lead-in (“请问”, “我想问一下”) is part of the next question.
        let lead_in = c.chars().count() <= 6 && contains_any(&c, &["请问", "想问", "咨询", "问一下"]);
        if lead_in {
            return;
        }
        if !out.contains(&c) {
            out.push(c);
        }
    };
    // Messages joined with a space (“哪个色号 显白吗”) are separate questions too.
    for ch in text.chars() {
        clause.push(ch);
        if is_clause_end(ch) || ch == ' ' {
            flush(&mut clause, &mut out);
        }
    }
    flush(&mut clause, &mut out);
    out
}

/// How clearly the message wraps up. A message that still asks something or complains is
/// not a goodbye, however politely it thanks (“谢谢,那什么时候发货?”).
/// `bare`: [`bare_words`] of `text`.
fn closing(text: &str, bare: &str, unmasked: &str, complaint: bool, asks: bool) -> Closing {
    if asks || complaint {
        return Closing::None;
    }
    // “没有了,谢谢” ends the chat; “没有了,就是建议…” goes on to something else. (Read before
    // masking: 没问题了 is masked as no complaint, and it is a goodbye.)
    let plain: String = without_placeholders(unmasked).chars().filter(|c| !is_punct_or_space(*c)).collect();
    if let Some((r, _)) = find_all(&plain, FINAL).last() {
        let tail = strip_words(&strip_words(&plain[r.end..], THANKS_CLOSING), WEAK_CLOSING);
        // …or goes on to put the purchase off: 先这样吧,我考虑考虑.
        if leftover(&tail) <= 3 || contains_any(&tail, DECLINES) {
            return Closing::Strong;
        }
    }
    // “没了”, “没了,谢谢” as the whole answer (not 东西没了), or mistyped (么了).
    let none = ["没了"].iter().chain(MISTYPED_NONE).find_map(|p| bare.strip_prefix(p));
    if let Some(rest) = none {
        if leftover(&strip_words(&strip_words(rest, THANKS_CLOSING), WEAK_CLOSING)) <= 1 {
            return Closing::Strong;
        }
    }
    let after_thanks = strip_words(bare, THANKS_CLOSING);
    if after_thanks.len() < bare.len() && leftover(&strip_words(&after_thanks, WEAK_CLOSING)) <= 2 {
        return Closing::Strong;
    }
    if contains_any(bare, WEAK_CLOSING) && leftover(&strip_words(bare, WEAK_CLOSING)) == 0 {
        return Closing::Weak;
    }
    // Thanks as a message of its own beside a statement: last (“那等销售跟我对接吧 谢谢”), it
    // ends the chat; first (“谢谢麻烦了 下次我注意”), it probably does.
    let pieces: Vec<String> = text
        .split(|c: char| c.is_whitespace() || is_clause_end(c))
        .map(|p| p.chars().filter(|c| !is_punct_or_space(*c)).collect::<String>())
        .filter(|p| !p.is_empty())
        .collect();
    let thanks_only = |p: &String| {
        let after = strip_words(p, THANKS_CLOSING);
        after.len() < p.len() && leftover(&strip_words(&after, WEAK_CLOSING)) <= 1
    };
    // The rest must be the customer's own plan or acceptance (那我等审核过了再下单, 下次我注意),
    // not a request thanked for in advance (麻烦帮我查一下,谢谢) or details sent ([订单x] 谢谢).
    let rest: String = pieces.iter().filter(|p| !thanks_only(p)).map(String::as_str).collect();
    let own_plan = contains_any(&rest, OWN_PLAN) && !contains_any(&rest, REQUEST) && !rest.contains('[');
    // Thanks beside a no (不用了 谢谢 暂时不要): the offer turned down, and the chat over.
    if pieces.len() > 1
        && pieces.iter().any(thanks_only)
        && contains_any(&rest, DECLINES)
        && !contains_any(&rest, REQUEST)
    {
        return Closing::Strong;
    }
    if pieces.len() > 1 && own_plan {
        // Thanks, then a step put off till later (谢谢,那我跟家里人商量下再订): a goodbye too.
        if pieces.last().is_some_and(thanks_only) || (pieces.iter().any(thanks_only) && contains_any(&rest, PUT_OFF)) {
            return Closing::Strong;
        }
        if pieces.iter().any(thanks_only) {
            return Closing::Weak;
        }
    }
    // “好吧 那我去别家看看”, “ok我去驿站拿”, “好吧,那我等检测结果”: the answer taken, and the
    // customer off to their own next step.
    if own_next_step(bare) == Some(true) {
        return Closing::Strong;
    }
    Closing::None
}

/// The message's words alone: no placeholders, punctuation or spaces.
fn bare_words(text: &str) -> String {
    without_placeholders(text).chars().filter(|c| !is_punct_or_space(*c)).collect()
}

/// Where the customer says they are going (see [`Leaving`]), read from [`bare_words`].
fn leaving(bare: &str) -> Leaving {
    if contains_any(bare, OTHER_SHOP) {
        Leaving::Elsewhere
    } else if own_next_step(bare).is_some() {
        Leaving::OwnStep
    } else {
        Leaving::No
    }
}

/// The message opens with the customer's own next step, after an optional acceptance (好吧
/// 那我去别家看看, ok我去驿站拿, 我先去量下门的厚度), and asks nothing of us: whether the
/// acceptance came first (then the answer was taken, and the chat is over).
fn own_next_step(bare: &str) -> Option<bool> {
    let mut rest = bare;
    while let Some((r, _)) = find_all(rest, WEAK_CLOSING).into_iter().next().filter(|(r, _)| r.start == 0) {
        rest = &rest[r.end..];
    }
    let step = starts_with_any(rest.trim_start_matches('那'), LEAVES) && !contains_any(rest, REQUEST);
    step.then_some(rest.len() < bare.len())
}

/// The customer goes off to do it themselves, or to wait: 我去驿站拿, 我去别家看看, 我等师傅电话.
const LEAVES: Words = words!["我去", "我先去", "我再去", "我自己去", "我这就去", "我到时候去", "我等"];

/// Another shop: 我去别家看看, 隔壁家便宜.
const OTHER_SHOP: Words = words!["别家", "别的店", "其他家", "其它家", "别处", "隔壁"];

/// The customer's own next step or acceptance, beside thanks.
const OWN_PLAN: Words = words![
    "那我",
    "我等",
    "我再",
    "我自己",
    "下次",
    "我先",
    "我会",
    "那就",
    "那等",
    "没问题",
    "没有了",
    "没有啦",
    "没事了",
    "知道",
    "明白",
    "懂了",
    "对了",
    "没错",
    "可以了",
    "收到了",
];
/// A step the customer puts off till later.
const PUT_OFF: Words = words!["再订", "再买", "再下单", "再拍", "再说", "再联系", "再来", "再找你", "再找您", "再决定"];
/// A request thanked for in advance.
const REQUEST: Words = words!["帮", "麻烦", "请", "给我", "查一下", "查下", "转告", "的话", "尽快"];

/// `s` with every occurrence of `words` removed.
fn strip_words(s: &str, words: impl Needles) -> String {
    let mut out = s.to_owned();
    // One lookup per round, not one search per word; again while taking words out joins
    // new ones (谢谢谢 → 谢).
    loop {
        let hits = find_all(&out, words);
        if hits.is_empty() {
            return out;
        }
        let mut next = String::with_capacity(out.len());
        let mut at = 0;
        for (hit, _) in hits {
            next.push_str(&out[at..hit.start]);
            at = hit.end;
        }
        next.push_str(&out[at..]);
        out = next;
    }
}

/// How many characters are left that carry words (fillers and particles don't count).
fn leftover(s: &str) -> usize {
    s.chars().filter(|c| !FILLER.contains(c)).count()
}

/// JD's masked data (`[订单x]`, `[数字x]`) removed: it carries no words.
fn without_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('[') {
        out.push_str(&rest[..i]);
        match rest[i..].find(']') {
            Some(j) if j <= 24 => rest = &rest[i + j + 1..],
            _ => {
                out.push('[');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_remembers_only_the_same_message() {
        for raw in ["快递太慢了，等了好久！！", "快递太慢了，等了好久！！", "好的谢谢", "", "快递太慢了"]
        {
            let (read, new) = (Customer::read(raw), Customer::new(raw));
            assert_eq!(format!("{read:?}"), format!("{new:?}"), "{raw}");
        }
    }

    #[test]
    fn complaint_and_feelings() {
        let c = Customer::new("快递太慢了，等了好久！！");
        assert!(c.complaint && c.upset);
        let c = Customer::new("这款有优惠吗");
        assert!(!c.complaint && !c.upset);
        assert!(Customer::new("收到的花瓶是碎的!").complaint);
        let c = Customer::new("我刚才漏接了售后的电话");
        assert!(!c.complaint && !c.waiting);
        let c = Customer::new("等了一个星期了还没到");
        assert!(c.complaint && c.waiting);
        assert!(!Customer::new("贵公司的发票怎么开").price_objection);
        assert!(!Customer::new("买了第二天就降价了,能保价吗").price_objection);
        assert!(Customer::new("好的谢谢").thanks);
    }

    #[test]
    fn not_understood_is_no_anger() {
        for raw in ["不好意思 我还是没懂 到底哪天发", "我刚问过了 但还是没搞懂 港版到底能不能用国内充电器"]
        {
            let c = Customer::new(raw);
            assert!(!c.complaint && !c.upset, "{raw}");
        }
        assert!(Customer::new("到底哪天发").upset);
    }

    #[test]
    fn ultimatums_and_giving_up() {
        for raw in ["如果最近三天不能发货我就要退款了", "再不处理就投诉"] {
            let c = Customer::new(raw);
            assert!(c.complaint && c.upset, "{raw}");
        }
        for raw in ["如果不合适就退货吧?", "要是尺码不对就退货可以吗"] {
            assert!(!Customer::new(raw).upset, "{raw}");
        }
        assert!(Customer::new("我怎么感觉今天也是配送无望呢").complaint);
        assert!(!Customer::new("然后我就取消订单了").upset);
    }

    #[test]
    fn degree_words_ask_nothing() {
        assert!(Customer::new("太谢谢了,这么快就处理好了").questions.is_empty());
        assert_eq!(Customer::new("这AirPods这么便宜,是正品吗?").questions.len(), 1);
        assert!(!Customer::new("怎么这么贵么").questions.is_empty());
    }

    #[test]
    fn none_mistyped_is_a_goodbye() {
        for raw in ["么了", "么有了,谢谢"] {
            let c = Customer::new(raw);
            assert!(c.questions.is_empty() && c.closing == Closing::Strong, "{raw}");
        }
        assert!(!Customer::new("怎么了").questions.is_empty());
    }

    #[test]
    fn still_not_in_writing() {
        for raw in ["三天后仍然不发货", "连续反馈三天 货还没出库", "退款依旧没到账", "仍未退款"]
        {
            let c = Customer::new(raw);
            assert!(c.complaint && c.waiting, "{raw}");
        }
        assert!(!Customer::new("仍然可以用吗").complaint);
    }

    #[test]
    fn complaints_in_open_wording() {
        for c in [
            "为什么还没有派送",
            "至今没有更新过",
            "返修一直没人来取件",
            "本来应该上午送到的",
            "等到花儿都谢了",
            "买的橙子是烂的",
            "热水器装好第三天就开始滴水",
            "书桌角上磕掉一块漆",
            "相册封面上有好几道折痕",
            "我嘅外卖仲未送到",
            "你们搬的时候也太不小心了吧",
        ] {
            assert!(Customer::new(c).complaint, "{c}");
        }
    }

    #[test]
    fn suppositions_negations_and_pasted_pages_are_no_complaint() {
        for c in [
            "如果收到是坏的能退吗",
            "万一漏发了怎么办",
            "质量有问题的话可以换吗",
            "我不是着急,就问问",
            "我上次了解过",
            "[订单x] 催单 查看物流",
        ] {
            assert!(!Customer::new(c).complaint, "{c}");
        }
    }

    #[test]
    fn complaints_worded_mildly_are_only_likely() {
        for c in ["才买两天就降价了", "订单查不到物流", "为什么要收我运费", "修改地址一直不成功"]
        {
            let r = Customer::new(c);
            assert!(!r.complaint && r.complaint_likely(), "{c}");
        }
        assert!(!Customer::new("如果降价了能保价吗").complaint_mild);
        assert!(!Customer::new("收到的杯子是碎的").complaint_likely(), "a clear complaint is not 'likely'");
    }

    #[test]
    fn urgency_and_repetition_are_not_anger() {
        for c in ["快点发货 在线等", "人呢", "我要转人工 我要转人工"] {
            let r = Customer::new(c);
            assert!(r.urgent && r.waiting && !r.upset, "{c}");
        }
        assert!(!Customer::new("[订单x] [订单x]").urgent, "pasted data repeats itself");
        assert!(Customer::new("瞎扯淡").upset);
        // Complaints in other words: items missing, a wait in vain, a change nobody asked for.
        assert!(Customer::new("少东西").complaint);
        assert!(Customer::new("快递员说10点送到 但是等到12点也没有").complaint);
        assert!(Customer::new("我要的是纸质的 为啥变成电子发票了").complaint);
        assert!(!Customer::new("我等到周末再买吧").complaint);
        // Too heavy to carry is no stuck parcel.
        assert!(!Customer::new("能不能送上楼啊,我家8楼没电梯,拎不动").waiting);
        assert!(Customer::new("物流三天不动了").waiting);
        // 到 after a verb of getting is no arrival: 没领到 (a coupon), but 还没收到 waits.
        assert!(!Customer::new("主播说的优惠券我怎么没领到").waiting);
        assert!(Customer::new("怎么还没收到").waiting);
        // Not yet is where things stand; a wait judged long, counted, stuck or broken is more.
        for c in ["我还没收到", "申请的退款没到账呢", "刚发现这个也没收到"] {
            let r = Customer::new(c);
            assert!(r.waiting && !r.waited_long, "{c}");
        }
        // A question about the wait itself, not a wait mentioned beside another question.
        assert!(Customer::new("怎么还没到").asks_about_wait);
        assert!(Customer::new("退款还没到账?").asks_about_wait);
        assert!(!Customer::new("我的还没有收到,能按照现在价格执行吗").asks_about_wait);
        for c in ["这么久了还没收到", "都三天了还没发", "物流至今没有更新", "说好的昨天到 又没到", "还没到 快点"]
        {
            assert!(Customer::new(c).waited_long, "{c}");
        }
        // A wait noted in a calm question.
        assert!(Customer::new("我的手机送修一周了,想问下进度").complaint_asked);
        assert!(Customer::new("包裹在海关几天了,正常吗?").complaint_asked);
        assert!(!Customer::new("都一周了还没修好 正常吗 急死了").complaint_asked);
        assert!(!Customer::new("快递员说不可以 您能帮我看一下是怎么回事吗").upset);
        assert!(!Customer::new("京东物流应该不会这么低效率吧").quality_objection);
        assert!(Customer::new("该不会是假货吧").quality_objection);
    }

    #[test]
    fn questions_in_chat_wording() {
        for (c, n) in [
            ("主播身上那件是啥色?我150斤能穿不", 2),
            ("这个壳子苹果15能用不?15pro呢", 2),
            ("洗了会缩水伐", 1),
            ("橙子烂了三个,咋赔", 1),
            ("好呢", 0),
            ("是的呢,钢笔跟墨水", 0),
        ] {
            assert_eq!(Customer::new(c).questions.len(), n, "{c}: {:?}", Customer::new(c).questions);
        }
    }

    #[test]
    fn a_day_asked_about_is_asking_when() {
        for c in ["今天能到吗", "明天送过来吗", "[数字x]点半能送到吗", "最晚什么时间能到", "几时能换给我"]
        {
            assert!(Customer::new(c).asks_when, "{c}");
        }
        for c in ["可以明天送货吗", "改到后天再送么", "今天发的货"] {
            assert!(!Customer::new(c).asks_when, "{c}");
        }
        for c in ["查到了吗", "退了没", "我的快递到哪了"] {
            assert!(Customer::new(c).waiting, "{c}");
        }
        // 好久 for 什么时候 asks when and complains of nothing; 等了好久 complains.
        for c in ["帐篷好久到啊", "好久能发货"] {
            let cu = Customer::new(c);
            assert!(cu.asks_when && !cu.complaint, "{c}");
        }
        assert!(Customer::new("等了好久到现在还没发").complaint);
    }

    #[test]
    fn counts_distinct_questions() {
        let c = Customer::new("我想问这个沙发的尺寸,颜色有几种,多久能送到?");
        assert_eq!(c.questions.len(), 3, "{:?}", c.questions);
        assert!(c.asks_when);
        let c = Customer::new("请问，这个有货吗？");
        assert_eq!(c.questions.len(), 1, "{:?}", c.questions);
        assert!(Customer::new("好的").questions.is_empty());
        assert_eq!(Customer::new("怎么还没发货?都好几天了").questions.len(), 1);
        assert_eq!(Customer::new("在吗? 这款保温杯还有蓝色的吗").questions.len(), 1);
    }

    #[test]
    fn where_the_customer_goes() {
        assert_eq!(Customer::new("好吧 那我去别家看看").leaving, Leaving::Elsewhere);
        assert_eq!(Customer::new("隔壁家便宜多了").leaving, Leaving::Elsewhere);
        assert_eq!(Customer::new("我先去量下门的厚度").leaving, Leaving::OwnStep);
        assert_eq!(Customer::new("ok我去驿站拿").leaving, Leaving::OwnStep);
        assert_eq!(Customer::new("我去驿站拿 麻烦帮我备注下").leaving, Leaving::No);
        assert_eq!(Customer::new("我想去驿站拿").leaving, Leaving::No);
        // Only an acceptance first makes it a goodbye: the answer was taken.
        assert_eq!(Customer::new("好吧 我去驿站拿").closing, Closing::Strong);
        assert_eq!(Customer::new("我去驿站拿").closing, Closing::None);
    }

    #[test]
    fn closing_signals() {
        assert_eq!(Customer::new("谢谢，没事了").closing, Closing::Strong);
        assert_eq!(Customer::new("好的 那我等审核过了再下单 谢谢").closing, Closing::Strong);
        assert_eq!(Customer::new("谢谢 下次我注意").closing, Closing::Weak);
        assert_eq!(Customer::new("不用了 谢谢 暂时不要").closing, Closing::Strong);
        assert_eq!(Customer::new("麻烦帮我查一下 谢谢").closing, Closing::None);
        assert_eq!(Customer::new("那您帮我联系下吧 谢谢").closing, Closing::None);
        assert_eq!(Customer::new("好的").closing, Closing::Weak);
        assert_eq!(Customer::new("好的，那什么时候发货?").closing, Closing::None);
        assert_eq!(Customer::new("").closing, Closing::None);
        assert_eq!(Customer::new("好的，麻烦你了").closing, Closing::Strong);
        assert_eq!(Customer::new("嗯嗯 好的吧").closing, Closing::Weak);
        assert_eq!(Customer::new("麻烦帮我改一下地址，谢谢").closing, Closing::None);
        assert_eq!(Customer::new("同事的收到了").closing, Closing::None);
        assert_eq!(Customer::new("还没收到").closing, Closing::None);
        assert_eq!(Customer::new("谢谢，没事了[数字x]").closing, Closing::Strong);
        assert_eq!(Customer::new("没有了，就是建议你们改进一下包装").closing, Closing::None);
        assert_eq!(Customer::new("删了以后就没有了 现在我想再加进去").closing, Closing::None);
        assert_eq!(Customer::new("我家里就我一个人 没有其他人").closing, Closing::None);
        assert_eq!(Customer::new("没有别的问题了,谢谢").closing, Closing::Strong);
    }

    #[test]
    fn objections() {
        assert!(Customer::new("可以再优惠点吗").price_objection);
        assert!(Customer::new("太贵了").price_objection);
        // Offering to pay more is no objection to the price; asking whether it costs more is.
        assert!(!Customer::new("要贵的那款行么 加钱").price_objection);
        assert!(!Customer::new("换成大码的吧,贵点我加钱").price_objection);
        assert!(Customer::new("换大码还要加钱?太贵了吧").price_objection);
        assert!(Customer::new("才用了两天就不行了").quality_objection);
        assert!(!Customer::new("现在重装系统在用核显就不行了").quality_objection);
        // Another shop's goods held up as better; the goods called mediocre.
        assert!(Customer::new("你们这车子也太重了,别人家的轻多了").quality_objection);
        assert!(Customer::new("感觉讲得一般 没什么干货").quality_objection);
        assert!(!Customer::new("我记得一般是三天到").quality_objection);
        assert!(!Customer::new("别家便宜多了").quality_objection);
        assert!(Customer::new("这个牌子的主板质量不行吧，老听说坏").quality_objection);
        assert!(Customer::new("这被子摸着好薄啊").quality_doubted);
        assert!(Customer::new("拍完说照片丢了???开什么玩笑").upset);
        assert!(!Customer::new("猫薄荷给狗狗用会不会有问题").quality_doubted);
        // A price that would buy something else, too little offered; worn, inaccurate.
        for c in ["这个价格买个二手都差不多了", "寄卖估价才给6000？我当时买的2万多"] {
            assert!(Customer::new(c).price_objection, "{c}");
        }
        for c in ["这成色也太旧了吧 都磨成这样了", "表走时误差这么大还叫好表？", "国产的血糖仪能准吗 有点不放心"]
        {
            assert!(Customer::new(c).quality_objection, "{c}");
        }
        assert!(Customer::new("你家蟹会不会不饱满啊 看评论有人说空").quality_doubted);
        assert!(!Customer::new("我想问一下，旧空调拆除，回收人员负责吗?").quality_objection);
        assert!(Customer::new("只买一箱蟹就够了").declines);
        for c in ["鲍鱼有三个是空壳!", "相机开机就报错，刚租来的", "鉴定证书怎么没放在盒子里"]
        {
            assert!(Customer::new(c).complaint, "{c}");
        }
        // Complaints in other words: a smell, bent pins, a courier who refused the parcel.
        for c in [
            "床垫拆开一股刺鼻的味道,熏得头疼",
            "主板到手CPU插座就是弯针",
            "快递员上门说太大不收",
            "快递把药放驿站了,我八十岁的老父亲怎么去拿!",
            "我点的抹茶味给我寄的原味,什么情况",
            "买的乐理书封面被压皱了",
        ] {
            assert!(Customer::new(c).complaint, "{c}");
        }
        assert!(Customer::new("我还在犹豫").declines);
    }
}
