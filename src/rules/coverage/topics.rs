//! What a customer's question is about, and whether a reply speaks to it.

use crate::rules::Context;
use crate::text::{contains_any, Words};

pub struct Topic {
    /// How the reply names it (“另外,关于尺寸,…”).
    pub name: &'static str,
    /// Words that put a question under this topic.
    pub asks: &'static [&'static str],
    /// Words in a reply that speak to it.
    pub answers: &'static [&'static str],
    /// A concrete time in the reply also answers it.
    pub time_answers: bool,
}

/// In order: the first topic whose words a question uses is its topic. Time comes after the
/// topics a time can belong to (“保修多久” is about the warranty) and before size (“多长时间”
/// is no length); price before size and colour (“单买黑色多少钱” asks a price).
pub const TOPICS: &[Topic] = &[
    Topic {
        name: "运费",
        asks: &["运费", "包邮", "邮费", "快递费"],
        answers: &["运费", "包邮", "邮费", "快递费", "免费", "元", "块"],
        time_answers: false,
    },
    Topic {
        name: "快递",
        asks: &["什么快递", "哪家快递", "哪个快递", "发什么", "顺丰", "哪里发", "哪发", "发货地"],
        // (Not 发出 or 物流: “今天5点前发出” says when, not with whom.)
        answers: &["快递", "顺丰", "京东", "中通", "圆通", "申通", "韵达", "极兔", "邮政", "ems", "仓", "发货"],
        time_answers: false,
    },
    Topic {
        name: "保修",
        asks: &["保修", "质保", "保固", "售后"],
        answers: &["保修", "质保", "年", "售后", "维修", "换新", "退换"],
        time_answers: false,
    },
    Topic {
        name: "发票",
        asks: &["发票", "开票", "专票"],
        answers: &["发票", "开票", "专票", "开具"],
        time_answers: false,
    },
    Topic {
        name: "赠品", asks: &["赠品", "送什么", "有送", "有赠"], answers: &["赠", "送"], time_answers: false
    },
    Topic {
        name: "退换货",
        asks: &["退货", "换货", "退换", "能退", "能换", "可以退", "可以换", "无理由", "退掉", "能不能退", "能不能先退"],
        answers: &["退", "换", "无理由", "售后"],
        time_answers: false,
    },
    Topic {
        name: "使用方法",
        asks: &["怎么用", "怎么使用", "如何使用", "怎么安装", "怎么装", "如何安装", "怎么操作", "怎么设置", "怎么调"],
        answers: &[
            "步骤",
            "点击",
            "打开",
            "进入",
            "按",
            "先",
            "然后",
            "安装",
            "设置",
            "调",
            "说明书",
            "视频",
            "勾选",
            "输入",
            "填写",
            "点开",
            "点进",
        ],
        time_answers: false,
    },
    Topic {
        name: "送达时间",
        asks: &["什么时候", "啥时候", "多久", "几天", "哪天", "几号", "时效", "多长时间", "何时", "几点", "要等"],
        answers: &[
            "发货",
            "发出",
            "送达",
            "到货",
            "送到",
            "到达",
            "天",
            "小时",
            "分钟",
            "工作日",
            "周",
            "月",
            "年",
            "时效",
        ],
        time_answers: true,
    },
    Topic {
        name: "价格优惠",
        asks: &["多少钱", "价格", "价钱", "优惠", "便宜", "折扣", "券", "活动", "满减", "贵"],
        // (满减, not 满: 充满一次电 says nothing of the price.)
        answers: &["元", "块", "钱", "价", "價", "优惠", "券", "活动", "减", "減", "满减", "滿減", "折", "¥"],
        time_answers: false,
    },
    Topic {
        name: "尺寸",
        asks: &[
            "尺寸",
            "尺码",
            "多大",
            "大小",
            "多长",
            "多宽",
            "多高",
            "长宽",
            "规格",
            "什么码",
            "几码",
            "多重",
            "重量",
            "几寸",
            "多少寸",
            // 有没有M码: a size by its letter.
            "s码",
            "m码",
            "l码",
            "xl码",
            "大码",
            "均码",
        ],
        answers: &[
            "尺寸", "尺码", "cm", "厘米", "米", "码", "长", "宽", "高", "大小", "规格", "mm", "寸", "斤", "克", "kg",
            "重",
        ],
        time_answers: false,
    },
    Topic {
        name: "颜色",
        asks: &[
            "颜色",
            "什么色",
            "几种色",
            "色号",
            "白色",
            "黑色",
            "灰色",
            "红色",
            "蓝色",
            "粉色",
            "绿色",
            "黄色",
            "紫色",
            "色的吗",
        ],
        answers: &[
            "色", "红", "橙", "黄", "绿", "青", "蓝", "紫", "黑", "白", "灰", "粉", "棕", "咖", "米", "金", "银",
        ],
        time_answers: false,
    },
    Topic {
        name: "库存",
        asks: &["有货", "有没有货", "现货", "库存", "缺货", "还有吗", "断货"],
        answers: &["货", "库存", "有的", "没有了", "补货", "售罄"],
        time_answers: false,
    },
    Topic {
        name: "材质",
        asks: &["材质", "面料", "材料", "什么做的", "什么料", "成分"],
        answers: &["材质", "面料", "材料", "棉", "涤", "皮", "料", "钢", "木", "塑", "玻璃", "陶瓷", "成分"],
        time_answers: false,
    },
];

/// The topic a question is about, if any is known.
pub fn topic_of(question: &str) -> Option<&'static Topic> {
    // “用不了多久就坏了怎么办”: 多久 there asks no time.
    let question = crate::text::mask(question, NOT_ASKED);
    TOPICS.iter().find(|t| contains_any(&question, t.asks))
}

/// Words of a topic's question that ask nothing in these phrases.
const NOT_ASKED: Words = words!["用不了多久", "没多久", "不了多久", "没过多久"];

/// Whether the reply speaks to the topic.
pub fn answered(topic: &Topic, cx: &Context) -> bool {
    contains_any(cx.draft.folded(), topic.answers) || (topic.time_answers && cx.has_concrete_time())
}
