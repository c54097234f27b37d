use crate::config::Platform;
use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{find_rows, is_han};

declare_rule! {
    /// ## What it does
    /// Flags internet slang (yyds / 绝绝子 / 栓Q / 无语 / 蚌埠住了 / 破防 / 芭比Q / awsl /
    /// xswl / 集美 / 泰酷辣 / 666 / 牛逼 / 真香 / 我太难了 / 离谱 / emo / 属于是…) and offers the
    /// plain words.
    /// Older cute spellings (么么哒 / 妹纸 / 木有 / 神马 / 酱紫) are only a hint. On Douyin,
    /// where the shop's own style is livelier, everything is a hint.
    ///
    /// Left alone: 666 inside longer numbers or as a price (“666元”), Latin letters inside
    /// words (“nba”, order numbers), and goods that cracked (“西瓜裂开了”: only a person
    /// cracks as slang).
    ///
    /// ## Why is this bad?
    /// The etiquette guide: “避免使用可能引起误解的网络用语或表情”. Slang reads as unserious,
    /// ages fast, and customers outside its circle misread it (无语 sounds annoyed).
    ///
    /// ## Example
    /// ```text
    /// 这件衣服真的绝绝子,完全不起球!
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 这件衣服真的非常好,完全不起球!
    /// ```
    pub struct InternetSlang {
        id: "slang.internet-slang",
        category: Slang,
        severity: Warning,
        title: "网络用语",
        summary: "“yyds”“无语”等网络用语不够严肃、易被误解;应用平实说法。",
    }
}

/// (slang, plain words, mild?). Latin entries match as whole words only.
const TERMS: &[(&str, &str, bool)] = &[
    ("yyds", "非常好", false),
    ("主打一个", "主要就是", false),
    ("拉胯", "不太理想", false),
    ("冲就完事", "放心选购", false),
    ("闭眼冲", "放心选购", false),
    ("不踩雷", "不会出错", false),
    ("欧皇", "运气很好", false),
    ("到起飞", "得不得了", false),
    ("u1s1", "说实话", false),
    ("稳如老狗", "很稳妥", false),
    ("真的会谢", "很无奈", false),
    ("okk", "好的", false),
    ("针不戳", "真不错", false),
    ("拉满", "很足", false),
    ("巨显瘦", "很显瘦", true),
    ("巨好看", "很好看", true),
    ("巨好用", "很好用", true),
    ("绝绝子", "非常好", false),
    ("栓q", "谢谢", false),
    ("无语", "很无奈", false),
    ("蚌埠住了", "忍不住了", false),
    ("破防了", "很触动", false),
    ("破防", "很触动", false),
    ("芭比q了", "糟糕了", false),
    ("芭比q", "糟糕", false),
    ("awsl", "太可爱了", false),
    ("xswl", "太好笑了", false),
    ("集美们", "各位", false),
    ("集美", "您", false),
    ("泰酷辣", "太棒了", false),
    ("封神", "口碑很好", false),
    ("上头", "让人很喜欢", false),
    ("狂喜", "很开心", false),
    ("芜湖", "太棒了", false),
    ("冲冲冲", "马上处理", false),
    ("分分钟", "很快", true),
    ("666", "很厉害", false),
    ("牛逼", "很厉害", false),
    ("牛b", "很厉害", false),
    ("真香", "很好用", false),
    ("我太难了", "确实不容易", false),
    ("奥利给", "加油", false),
    ("冲鸭", "加油", false),
    ("爱了爱了", "很喜欢", false),
    ("绝了", "非常好", false),
    ("离谱", "不合理", false),
    ("裂开", "很意外", false),
    ("麻了", "很无奈", false),
    ("社死", "很尴尬", false),
    ("咱就是说", "说实话", false),
    ("直呼内行", "都说很专业", false),
    ("属于是", "算是", false),
    ("emo", "难过", false),
    ("尊嘟假嘟", "真的吗", false),
    ("扎心了", "很难过", false),
    ("太可了", "很好", false),
    ("狠狠爱了", "很喜欢", false),
    ("emo了", "心情不好", false),
    ("凡尔赛", "低调炫耀", false),
    ("内卷", "竞争激烈", false),
    ("躺平", "放松", false),
    ("拿捏了", "很到位", false),
    ("很哇塞", "很好", false),
    ("哇塞", "很好", false),
    ("懂的都懂", "您可以放心", false),
    ("拿捏", "很到位", false),
    ("犹豫就会败北", "您可以放心下单", false),
    ("败北", "错过", false),
    ("泰裤辣", "太棒了", false),
    ("摆烂", "放弃", false),
    ("打call", "支持", false),
    ("硬控", "吸引", false),
    ("显眼包", "很显眼", false),
    ("么么哒", "谢谢您", true),
    ("萌萌哒", "很可爱", true),
    ("妹纸", "我", true),
    ("木有", "没有", true),
    ("神马", "什么", true),
    ("酱紫", "这样子", true),
    ("肿么", "怎么", true),
    ("稀饭", "喜欢", true),
    ("童鞋", "同学", true),
    ("表酱紫", "别这样", true),
];

impl Rule for InternetSlang {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        for (hit, &(term, plain, mild)) in find_rows(text, TERMS) {
            let before = text[..hit.start].chars().next_back();
            let after = text[hit.end..].chars().next();
            if term.is_ascii() {
                // A whole word: not inside “nba”, order numbers, “6666”, “[数字x]”.
                let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                if glued(before) || glued(after) {
                    continue;
                }
                if term == "666"
                    && (after.is_some_and(|c| "元块号米个件gml".contains(c)) || matches!(before, Some('¥' | '$')))
                {
                    continue;
                }
            }
            // “神马” can be a name (神马搜索); “稀饭” is rice porridge in food shops.
            if term == "神马"
                && !["?", "吗", "呀", "啊", "东西", "情况", "意思", "问题"]
                    .iter()
                    .any(|a| text[hit.end..].starts_with(a))
            {
                continue;
            }
            if term == "稀饭" && !matches!(before, Some('好' | '很' | '超' | '太' | '不' | '都')) {
                continue;
            }
            // “西瓜裂开了”: goods that cracked; only a person cracks as slang (我裂开了, 直接裂开).
            if term == "裂开" && before.is_some_and(|c| is_han(c) && !"我人接真要都麻".contains(c)) {
                continue;
            }
            let severity = if mild || cx.platform == Platform::Douyin { Severity::Hint } else { Severity::Warning };
            // “很无语” → “很无奈”, not “很很无奈”.
            let intensified = matches!(before, Some('很' | '太' | '真' | '好' | '超' | '挺' | '常'));
            let plain = if intensified { plain.strip_prefix('很').unwrap_or(plain) } else { plain };
            let message = format!("“{}”是网络用语,换成平实说法", cx.draft.raw_text(&hit));
            out.push(Self::META.lint(hit, message).with_severity(severity).suggest(plain));
        }
    }
}
