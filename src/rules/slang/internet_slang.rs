use crate::config::Platform;
use crate::finding::Lints;
use crate::finding::Severity;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::{contains_any, find_pairs, is_han, Pairs, Words};

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
    /// cracks as slang), and 拒绝了 / 杜绝了 (绝了 inside another word).
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

/// (slang, plain words). Latin entries match as whole words only.
const TERMS: Pairs = pairs![
    ("yyds", "非常好"),
    ("主打一个", "主要就是"),
    ("拉胯", "不太理想"),
    ("冲就完事", "放心选购"),
    ("冲就完了", "放心选购"),
    ("杠杠的", "非常好"),
    ("嘎嘎", "特别"),
    ("闭眼冲", "放心选购"),
    ("闭眼入", "放心选购"),
    ("闭眼买", "放心选购"),
    ("无脑入", "放心选购"),
    ("无脑冲", "放心选购"),
    ("不踩雷", "不会出错"),
    ("欧皇", "运气很好"),
    ("到起飞", "得不得了"),
    ("u1s1", "说实话"),
    ("稳如老狗", "很稳妥"),
    ("真的会谢", "很无奈"),
    ("okk", "好的"),
    ("针不戳", "真不错"),
    ("拉满", "很足"),
    ("巨显瘦", "很显瘦"),
    ("巨好看", "很好看"),
    ("巨好用", "很好用"),
    ("绝绝子", "非常好"),
    // 狠狠种草了, 好吃到跺jio, 稳得一批.
    ("狠狠种草了", "很推荐"),
    ("狠狠种草", "很推荐"),
    ("jio", "脚"),
    ("得一批", "得很"),
    // 用这个泵头妥妥的, 装上直接起飞.
    ("妥妥的", "没问题"),
    ("直接起飞", "效果很好"),
    // 颜值杀疯了, 拍照巨出片.
    ("杀疯了", "非常出色"),
    ("出片", "拍照好看"),
    ("栓q", "谢谢"),
    // 蟹蟹 (谢谢 typed as crabs), 我也是醉了.
    ("蟹蟹", "谢谢"),
    // 好喝到哭, 家人们谁懂啊, 真的是神器, 这成色DNA动了.
    ("dna动了", "很喜欢"),
    ("好喝到哭", "很好喝"),
    ("好吃到哭", "很好吃"),
    ("谁懂啊", "真的很不错"),
    ("神器", "很好用的东西"),
    ("也是醉了", "也很无奈"),
    ("无语", "很无奈"),
    ("蚌埠住了", "忍不住了"),
    ("破防了", "很触动"),
    ("破防", "很触动"),
    ("芭比q了", "糟糕了"),
    ("芭比q", "糟糕"),
    ("awsl", "太可爱了"),
    ("xswl", "太好笑了"),
    ("集美们", "各位"),
    ("集美", "您"),
    ("泰酷辣", "太棒了"),
    ("封神", "口碑很好"),
    ("上头", "让人很喜欢"),
    ("狂喜", "很开心"),
    ("芜湖", "太棒了"),
    ("冲冲冲", "马上处理"),
    ("分分钟", "很快"),
    ("666", "很厉害"),
    ("牛逼", "很厉害"),
    ("牛b", "很厉害"),
    ("真香", "很好用"),
    ("我太难了", "确实不容易"),
    ("奥利给", "加油"),
    ("冲鸭", "加油"),
    ("爱了爱了", "很喜欢"),
    ("绝了", "非常好"),
    ("离谱", "不合理"),
    ("裂开", "很意外"),
    ("麻了", "很无奈"),
    ("社死", "很尴尬"),
    ("咱就是说", "说实话"),
    ("直呼内行", "都说很专业"),
    ("属于是", "算是"),
    ("emo", "难过"),
    ("尊嘟假嘟", "真的吗"),
    ("扎心了", "很难过"),
    ("太可了", "很好"),
    ("狠狠爱了", "很喜欢"),
    // 爱住了 (狠狠爱住了): loving it.
    ("狠狠爱住", "很喜欢"),
    ("爱住了", "很喜欢"),
    // 这波 (this round of buying): 这波不亏, 这波血赚.
    ("这波不亏", "很划算"),
    // 原地起飞: over the moon.
    ("原地起飞", "很开心"),
    ("这波血赚", "很划算"),
    ("这波稳了", "很稳妥"),
    ("血赚", "很划算"),
    ("emo了", "心情不好"),
    ("凡尔赛", "低调炫耀"),
    ("内卷", "竞争激烈"),
    ("躺平", "放松"),
    ("拿捏了", "很到位"),
    ("很哇塞", "很好"),
    ("哇塞", "很好"),
    ("懂的都懂", "您可以放心"),
    ("拿捏", "很到位"),
    ("犹豫就会败北", "您可以放心下单"),
    ("败北", "错过"),
    ("泰裤辣", "太棒了"),
    ("摆烂", "放弃"),
    ("打call", "支持"),
    ("硬控", "吸引"),
    ("显眼包", "很显眼"),
    ("么么哒", "谢谢您"),
    ("萌萌哒", "很可爱"),
    ("妹纸", "我"),
    ("木有", "没有"),
    ("神马", "什么"),
    ("酱紫", "这样子"),
    ("肿么", "怎么"),
    ("稀饭", "喜欢"),
    ("童鞋", "同学"),
    ("表酱紫", "别这样"),
];

/// The playful ones, harmless in most shops' tone: a hint, not a warning.
const MILD: Words = words![
    "巨显瘦",
    "巨好看",
    "巨好用",
    "分分钟",
    "么么哒",
    "萌萌哒",
    "妹纸",
    "木有",
    "神马",
    "酱紫",
    "肿么",
    "稀饭",
    "童鞋",
    "表酱紫"
];

impl Rule for InternetSlang {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        for (hit, (term, plain)) in find_pairs(text, TERMS) {
            let mild = MILD.contains(term);
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
            // 无语音模式: 无 and 语音, no slang; 商家拒绝了: 拒绝, no praise.
            if (term == "无语" && after == Some('音'))
                || (term == "绝了" && before.is_some_and(|c| "拒杜断隔谢灭根".contains(c)))
            {
                continue;
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
            // “谢谢您啦~么么哒” thanks already: 么么哒 just goes, with the ~ before it.
            let near = text[..hit.start].char_indices().rev().nth(5).map_or(0, |(i, _)| i);
            let thanked = plain.starts_with("谢谢") && contains_any(&text[near..hit.start], &["谢谢", "感谢"]);
            let (hit, plain) = if thanked {
                let lead = text[..hit.start].len() - text[..hit.start].trim_end_matches(['~', ' ']).len();
                (hit.start - lead..hit.end, "")
            } else {
                (hit, plain)
            };
            let message = format!("“{}”是网络用语,换成平实说法", cx.draft.raw_text(&hit));
            out.push(Self::META.lint(hit, message).with_severity(severity).suggest(plain));
        }
    }
}
