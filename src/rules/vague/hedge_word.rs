use crate::finding::Lints;
use std::ops::Range;

use crate::finding::{Lint, Severity};
use crate::rules::apology::words::is_holding;
use crate::rules::{declare_rule, Context, Rule};
use crate::text::classes::{CUSTOMER_CHECK, THIRD_PARTY};
use crate::text::{
    char_after, char_before, contains_any, find_all, is_emoji, is_punct_or_space, mask, starts_with_any, Draft, Part,
    Phrase, Words,
};

declare_rule! {
    /// ## What it does
    /// Flags hedges (可能 / 大概 / 应该 / 也许 / 估计 / 好像 / 或许 / 说不定 / 貌似 / 似乎, the spoken 估摸 /
    /// 兴许 / 没准 / 八成 / 多半, and 差不多 before a number or a verdict: 差不多能应付) in
    /// statements about product facts, rules, times and promises.
    ///
    /// An estimate closed with 吧 (运费一般是我们出的吧, 能跑60公里左右吧) is a guess too; the
    /// fix drops the 吧. A hedged time (“大概三天能到”) gets the firmer “预计三天能到”; a hedged range
    /// (“大概3-5天”, “早晚可能相差10到20”) is only a hint, since a range already reads as an
    /// estimate. Other hedges
    /// get a promise to verify first (the guides: 核实后再回复), and the statement without the
    /// hedge as the second choice, for an agent who does know. A guessed cause (这边有可能是系统
    /// 误判了, 可能因为节日放假有延迟, or a guess the next words follow from: 可能那边没有自提点
    /// 所以无法送达) is a hint with no fix: no one rewrite keeps the explanation and drops the
    /// guess. A guess when the customer asked nothing (促销可能比较忙) gets no fix either: a
    /// promise to check answers no question there; nor one whose reply sends the customer to ask
    /// another party (您可以联系下商家问一下), which our promise to check would contradict. A guess the same sentence goes on
    /// to check (“可能是快递员提前点了签收,我马上帮您核实”) and one in a holding line are hints;
    /// “可能要麻烦您…” is courtesy.
    ///
    /// A caveat with its reason or circumstance (“由于促销…可能会晚到”, “遇到大雪天气可能会晚
    /// 1-2天”, “极少数人可能会泛红”, “效果因人而异”), a risk it names (“高温可能会让板面变形”,
    /// “放太久就可能变黑”, “运输途中可能会磕碰”) or a disclaimer (“可能有色差,以实物为准”,
    /// “可能有细微差异”, “拆封后可能有一点味道,属于正常现象”, “一包大概能用10天左右,具体还要看
    /// 宝宝的情况”) is only a hint.
    ///
    /// Left alone: words quoted (之前说“可能有货”没讲清楚), a condition (到时候可能不在家的话), a guess at the customer's own day
    /// (您白天在地里可能接不到), someone else's guess repeated (“您说下周可能不在家”, “快递员说可能送不到”, the
    /// customer's own words echoed: 您下午可能不在家也没关系,
    /// “您估计周六在家的话”), advice (“使用前应该先空桶运行”, “应该选2匹的柜机”, and “应该放在
    /// 通风的地方” answering “放哪里比较好?”),
    /// duty (“这都是我应该做的”, “应该的”, “本来应该昨天发出的”), “不可能”, “不太可能”, “尽可能”, “无法估计”,
    /// similes (“就好像新的一样”), prize draws (“可能获得”), apologies (“可能给您带来了不便”), a
    /// possible thing named (“避免可能出现的过敏反应”),
    /// comparisons (“功效差不多的”), a figure already given pictured or summed up (宽22厘米…
    /// 大概就是一个电饭煲那么大; 每天5个小时,一个月下来大概3.6度电), grades of second-hand goods (“八成新”), causes listed with
    /// a test for them (“可能是电源没接好,也可能是开机保护,麻烦您断电10分钟再试”), 应该 beside a
    /// requirement stated (“这是安全规范要求的,烟管应该直通室外”), questions to the
    /// customer (“您大概什么时候方便?”) and
    /// guesses at the customer's feelings (“虽然可能会让您不开心”), forecasts of the weather
    /// (“川西晚上可能降到零下”). In a holding line or a
    /// sentence that checks the guess (“查询时间可能稍长”, “…我马上帮您核实”) it is a hint.
    ///
    /// ## Why is this bad?
    /// The guide: “避免模糊词汇(如‘可能’‘大概’‘应该’),对商品信息、活动规则、售后政策等内容的
    /// 解释需准确无误”. A customer who hears “应该是” cannot plan on it and will ask again.
    ///
    /// ## Example
    /// ```text
    /// 应该是支持七天无理由的。
    /// 可能明天发货吧。
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// 是支持七天无理由的。
    /// 预计明天发货。
    /// ```
    pub struct HedgeWord {
        id: "vague.hedge-word",
        category: Vague,
        severity: Warning,
        title: "模糊词(可能/大概/应该)",
        summary: "“可能”“应该”让客户无法确定;应核实后给出准确答复。",
    }
}

const HEDGES: Words = words![
    "可能",
    "大概",
    "应该",
    "也许",
    "估计",
    "好像",
    "或许",
    "说不定",
    "差不多",
    "估摸着",
    "估摸",
    "兴许",
    "没准",
    "八成",
    "多半",
    "大约摸",
    "十有八九",
    // As it seems: 优惠券和满减貌似是可以叠加的.
    "貌似",
    "似乎",
    // From memory: 印象中这款是带无线充的.
    "印象中",
    "印象里",
    "指不定",
    "保不齐",
    // 应该 typed with a homophone (read as 应该 below).
    "因该",
];

/// A question to the customer: the hedge asks, it does not state.
const QUESTION: Words = words![
    "?",
    "吗",
    "什么",
    "多少",
    "多久",
    "多远",
    "多长",
    "多大",
    "多宽",
    "多高",
    "多重",
    "多厚",
    "多深",
    "几",
    "哪",
    "是否",
    "怎么",
    "有没有"
];

/// After 应该, these make it duty, not a guess (“应该的”, “应该做的”, “应该为您做”).
const DUTY_AFTER: Words = words!["的", "做", "为", "给您", "帮", "尽", "呀", "哒"];

/// Words that may follow the hedge before the time itself (“可能需要3天”).
const TIME_LEAD: Words = words!["需要", "会在", "会", "要", "在", "是"];

/// The time words that make a hedged statement an estimate (“大概明天”).
const TIME_WORDS: Words = words![
    "明天", "今天", "后天", "今晚", "下周", "本周", "这周", "周末", "月底", "月初", "下午", "上午", "晚上", "中午",
    "[数字",
];

/// An event the time is about: with one of these, “预计” fits (“预计三天能到”).
const EVENTS: Words = words![
    "到", "发", "送", "需要", "完成", "处理", "退", "寄", "回复", "上门", "审核", "能", "可以", "内", "左右", "后",
    "天", "小时", "分钟", "点",
];

/// A cause guessed at after the hedge: 可能是系统误判了, 应该是系统的原因.
const CAUSE_GUESSED: Words =
    words!["原因", "导致", "造成", "误判", "故障", "延迟", "延误", "耽误", "出了问题", "系统问题"];

/// What the guess leads to, said next: “可能那边没有自提点哦 所以无法给您送达” guesses a cause.
const CONSEQUENCE_NEXT: Words = words!["所以", "因此", "因而", "这才", "才会", "才导致"];

/// Whether the words after the hedged clause give its consequence: the guess is a cause.
fn leads_to(text: &str, core_end: usize) -> bool {
    starts_with_any(text[core_end..].trim_start_matches(|c: char| is_punct_or_space(c) || c == '~'), CONSEQUENCE_NEXT)
}

/// The customer sent to ask another party: 您可以联系下商家客服询问下, 您咨询一下品牌方.
const ASK_ELSEWHERE: Phrase = Phrase(&[
    Part::Word(words!["您"]),
    Part::Gap(3),
    Part::Key(words!["联系", "咨询", "询问", "问下", "问一下"]),
    Part::Gap(2),
    Part::Word(THIRD_PARTY),
]);

/// Trailing particles that carry the doubt with the hedge (“…吧”).
const DOUBT_TAIL: Words = words!["吧"];

/// A clause that is nothing but the hedge and particles (“…,应该是。”).
const TAG_FILLER: &[char] = &['是', '吧', '的', '啦', '哈', '呢', '哦', '吧', '亲', '了'];

impl Rule for HedgeWord {
    fn check(&self, cx: &Context, out: &mut Lints) {
        let text = cx.draft.folded();
        let holding = is_holding(cx);
        let mut last_end = 0;
        // The customer asked something a hedged statement may answer.
        let asked = !cx.customer.questions.is_empty() || cx.customer.asks_when;
        for (hit, word) in find_all(text, HEDGES) {
            let word = if word == "因该" { "应该" } else { word };
            if hit.start < last_end || excluded(text, &hit, word) {
                continue;
            }
            let Some(clause) = cx.draft.clause_at(hit.start) else { continue };
            // “您说下周可能不在家”, “快递员说可能送不到”, “您估计周六在家的话”: someone
            // else's guess, repeated, not the agent's.
            let lead = &text[clause.range.start..hit.start];
            if contains_any(lead, REPORTED) || matches!(char_before(text, hit.start), Some('您' | '你')) {
                continue;
            }
            // “之前说“可能有货”没讲清楚”: words quoted, not said now.
            if cx.draft.quote_at(hit.start).is_some() {
                continue;
            }
            // “您白天在地里可能接不到”, “3岁的小朋友也许一开始需要大人带着”: a guess at the
            // customer's own day or their people, which only they know.
            if about_the_customer(lead) || about_their_people(lead) {
                continue;
            }
            // “您下午可能不在家也没关系” to “我下午可能不在家”: the customer's own guess, echoed.
            if echoes_the_customer(cx, text, &hit) {
                continue;
            }
            // “使用前应该先空桶运行”, “应该选2匹的柜机”: what ought to be done, not a guess.
            if word == "应该" && starts_with_any(&text[hit.end..], NORMATIVE_AFTER) {
                continue;
            }
            // “放哪里比较好?” — “应该放在通风的地方”: advice asked for, unless a guess at a
            // state follows (应该是…, 应该可以…).
            if word == "应该" && cx.customer.asks_advice && !starts_with_any(&text[hit.end..], GUESS_AFTER) {
                continue;
            }
            // “川西晚上可能降到零下”: a forecast of the weather, no fact the shop could check.
            if starts_with_any(text[hit.end..].trim_start_matches('会'), WEATHER) {
                continue;
            }
            // (不怎么 is “not very”, not a question: 应该不怎么起球吧.)
            // (过几天 is “in a few days”, not a question; nor is 几 in a number: 十几斤, 几十块.)
            if contains_any(&mask(cx.draft.text(&clause.range), NOT_A_QUESTION), QUESTION) {
                continue;
            }
            // “虽然可能…您会不开心”: a guess at the customer's feelings is courtesy, not a rule.
            if contains_any(&text[hit.end..clause.range.end.max(hit.end)], FEELINGS) {
                continue;
            }
            // Chat drafts often separate phrases with spaces instead of commas: a space
            // after the hedge ends its statement.
            let core_end = core_end(text, &clause.range);
            let core_end =
                text.get(hit.end..core_end).and_then(|s| s.find(char::is_whitespace)).map_or(core_end, |i| hit.end + i);
            // …and a space before it starts it (嗯嗯 您这个商品有赠品 所以价保可能会…).
            let clause_start = text[clause.range.start..hit.start]
                .rfind(char::is_whitespace)
                .map_or(clause.range.start, |i| clause.range.start + i + ' '.len_utf8());
            let Some(mut lint) = lint_for(cx.draft, &hit, word, clause_start, core_end, asked) else { continue };
            // A guess the reply checks in the same sentence (“可能是快递员提前点了签收,我马上帮您
            // 核实”) follows the guides (verify, then answer): a hint at most.
            let sentence = cx.draft.sentence_at(hit.start).map_or(clause.range.clone(), |s| s.range.clone());
            // “起疹子可能是过敏,建议找儿科医生确认”: a health caveat that sends the guess to a
            // doctor; the shop has nothing to verify.
            if defers_to_a_doctor(&text[sentence.clone()]) {
                continue;
            }
            // “这是国家安全规范要求的,烟管应该直通室外”: beside a requirement, 应该 says “must”.
            if word == "应该"
                && contains_any(&text[sentence.clone()], REQUIREMENT)
                && !starts_with_any(&text[hit.end..], GUESS_AFTER)
                && !starts_with_time(&text[hit.end..])
            {
                continue;
            }
            // “可能是电源没接好,也可能是刚开机的保护,麻烦您断电10分钟再试”: possible causes
            // listed and a test for them, a diagnosis, not a fact the agent should state (but
            // “价保可能是7天 也可能是15天” is a rule to look up).
            if contains_any(&text[sentence.clone()], OTHER_CAUSE) && contains_any(text, CUSTOMER_CHECK) {
                continue;
            }
            // In a holding line (“正在为您查询,查询时间可能稍长”) it is about the wait, not a fact.
            // Anywhere in its sentence: “正在为您查询,查询时间可能稍长” hedges the wait.
            if contains_any(&text[sentence], CHECKS_IT) || holding {
                lint = lint.with_severity(Severity::Hint);
            }
            // “大概一年吧,应该是。”: a trailing tag clause goes with this finding's fix.
            if lint.span.start >= clause.range.start {
                let sentence_end = cx.draft.sentence_at(hit.start).map_or(core_end, |s| s.range.end);
                for next in cx.draft.clauses_in(&(core_end..sentence_end)) {
                    if !is_tag(cx.draft.text(&next.range)) {
                        break;
                    }
                    lint.span.end = self::core_end(text, &next.range);
                }
            }
            last_end = lint.span.end;
            out.push(lint);
        }
        // “运费一般是我们出的吧”, “能跑个60公里左右吧”: an estimate the closing 吧 turns into a
        // guess (blind writers called every such draft vague); the fix drops the 吧. (Most
        // drafts have no 吧: their clauses are not walked.)
        let closing_ba = if text.contains('吧') { cx.draft.clauses() } else { &[] };
        for clause in closing_ba {
            let end = core_end(text, &clause.range);
            let core = &text[clause.range.start..end];
            if clause.range.start < last_end || !core.ends_with('吧') || core.contains('?') {
                continue;
            }
            if !contains_any(core, ESTIMATE) || core.chars().count() < 4 {
                continue;
            }
            let span = clause.range.start..end;
            let kept = cx.draft.raw_text(&(clause.range.start..end - '吧'.len_utf8()));
            out.push(Self::META.lint(span, "句尾“吧”让答复没底,确定了再说").suggest(kept));
        }
    }
}

/// Words of an estimate that a closing 吧 turns into a guess.
const ESTIMATE: Words = words!["一般", "左右", "差不多"];

/// The hedge and the three characters after it are the customer's own words (我下午可能不在家 →
/// 您下午可能不在家也没关系).
fn echoes_the_customer(cx: &Context, text: &str, hit: &Range<usize>) -> bool {
    let next: String = text[hit.end..].chars().take(3).collect();
    next.chars().count() == 3 && cx.customer.text.contains(&format!("{}{next}", &text[hit.clone()]))
}

/// The clause is about the customer themselves: it opens on 您 (after a call such as 亲), not on
/// something of theirs (您的订单, 您收到的罐子, 您这个, 您那边) nor on 您好.
fn about_the_customer(lead: &str) -> bool {
    let lead = strip_calls(lead);
    let Some(rest) = lead.strip_prefix('您').or_else(|| lead.strip_prefix('你')) else { return false };
    !starts_with_any(rest, ["好", "这", "那", "们"]) && !rest.contains('的') && !rest.contains(' ')
}

/// The customer's people, whom only the customer knows: 小朋友, 老人.
const THEIR_PEOPLE: Words = words!["小朋友", "孩子", "娃", "老人", "长辈", "家人", "阿姨"];

/// The clause is about the customer's people, named as its subject (3岁的小朋友也许…, 如果孩子
/// 还小可能…), not as whom something is for (送长辈应该挺体面).
fn about_their_people(lead: &str) -> bool {
    find_all(lead, THEIR_PEOPLE)
        .into_iter()
        .any(|(r, _)| !matches!(char_before(lead, r.start), Some('送' | '给' | '让')))
}

/// The lead without the calls it opens on (亲, 亲亲, 宝宝) and their punctuation.
fn strip_calls(mut lead: &str) -> &str {
    loop {
        let rest = lead.trim_start_matches(is_punct_or_space);
        match ["亲爱的", "亲亲", "亲", "宝宝"].iter().find_map(|c| rest.strip_prefix(c)) {
            Some(after) => lead = after,
            None => return rest,
        }
    }
}

/// Question words that ask nothing here: 不怎么 (“not very”), 过几天, and 几 in a number.
const NOT_A_QUESTION: Words = words!["不怎么", "没怎么", "过几天", "十几", "几十", "几百", "几千", "几万", "好几"];

/// What the weather may do: 可能降到零下, 晚上可能会下雨, 山上可能比较冷.
const WEATHER: Words = words![
    "降到",
    "降温",
    "下雨",
    "下雪",
    "有雨",
    "有雪",
    "刮风",
    "起风",
    "很冷",
    "比较冷",
    "更冷",
    "冷一些",
    "零下",
    "升温",
    "变天",
    "结冰",
    "打霜",
    "起雾",
    "有雾",
];

/// Someone else said or thinks it (您说, 快递员说, 听说): the hedge is theirs.
const REPORTED: Words = words![
    // 考虑到阿姨可能不太熟悉手机: a consideration, not a claim.
    "考虑到",
    "您说",
    "你说",
    "您提到",
    "您觉得",
    "您担心",
    "您怕",
    "听说",
    "说的",
    "师傅说",
    "快递员说",
    "配送员说",
    "门店说",
    "店员说",
    "厂家说",
    "他说",
    "她说",
    "他们说",
];
/// After 应该, what ought to be done (应该先…, 应该选…, 应该不小于…): advice, not a guess.
const NORMATIVE_AFTER: Words = words![
    "先",
    // 内胆应该每半年清洗一次
    "每",
    "选",
    "买",
    "不小于",
    "不低于",
    "不少于",
    "不超过",
    "至少",
    "全部",
    "保持",
    "避免",
    "注意",
    "定期",
    "提前",
];

/// A rule or standard stated: 应该 beside it is a requirement.
const REQUIREMENT: Words = words!["必须", "要求", "规范", "规定"];

/// After 应该, a guess at a state or an outcome (应该是, 应该可以, 应该到了; and a time:
/// 应该明天到), not “must”.
const GUESS_AFTER: Words =
    words!["是", "可以", "能", "会", "没", "不", "有", "已经", "快", "到", "在", "还", "就", "也", "差不多", "够"];

/// A second possibility after the first: the reply lists causes.
const OTHER_CAUSE: Words = words!["也可能", "还可能", "也有可能", "还有可能", "或者可能", "或可能", "或者是"];

/// A check the shop will make before it matters: 师傅会免费帮您检测, 明天上午上门检查.
const CHECKED_LATER: Words = words!["帮您检测", "免费检测", "上门检查", "上门检测", "现场确认"];

/// The guess is about the customer's side: 您那边可能是…, 也许是您….
fn on_the_customers_side(text: &str, clause_start: usize, hit: &Range<usize>) -> bool {
    contains_any(&text[clause_start..hit.start], &["您那边", "您这边", "您那里"]) || text[hit.end..].starts_with("是您")
}

/// Who can judge a symptom: the guess is theirs to confirm.
const DOCTOR: Words = words!["医生", "医院", "就医", "就诊", "药师", "专业医师"];

fn defers_to_a_doctor(sentence: &str) -> bool {
    sentence.contains("建议") && contains_any(sentence, DOCTOR)
}

/// The customer's feelings, guessed politely.
const FEELINGS: Words = words!["不开心", "着急", "不满意", "失望", "生气", "不愉快", "困扰", "心情"];

/// The reply checks the guess it just made.
const CHECKS_IT: Words =
    words!["核实", "核查", "确认一下", "查一下", "查询", "帮您查", "为您查", "检测后", "检查后", "排查"];

/// Before the hedge in its sentence: the reason or the circumstance a caveat depends on
/// (由于促销…, 遇到大雪天气…, 室温高的话…, 换粮初期…, 极少数人…可能会): the possibility is
/// real, not a guess.
const CIRCUMSTANCE: Words = words![
    "由于",
    "因为",
    "如果",
    "若",
    "万一",
    "受",
    "遇到",
    "遇上",
    "如遇",
    "碰到",
    "赶上",
    "个别",
    "少数",
    "部分",
    "有的",
    "的话",
    "要是",
    "台风",
    "暴雨",
    "大雪",
    "雨雪",
    "天气",
    "高峰",
    "初期",
    "刚开始",
    "头几天",
    "前几天",
    "偏远",
    "运输中",
    "途中",
    "拆封后",
    "长时间",
    "时间长了",
    "人多",
    "临时",
    "常温",
    "高温",
    "低温",
    "情况下",
    "每个人",
    "因人而异",
    "体质",
    // What varies with the case: 车型不同…也许, 灯光下…可能, 刚拆开可能有味道.
    "不同",
    "灯下",
    "光线",
    "刚拆",
    "拆开",
    "下雨",
    "下雪",
    "气温",
];

/// After the hedge: what a cause may lead to (高温可能会让木头开裂, 划痕可能会让估价降一档):
/// a risk the agent warns of, not a fact left unchecked.
const CONSEQUENCE: Words = words!["让", "使", "导致", "造成", "引起"];

/// A disclaimer in the sentence: the difference is real and named as such.
const DISCLAIMER: Words = words![
    "色差",
    "误差",
    "差异",
    "偏差",
    "为准",
    "正常现象",
    "具体要看",
    "具体还要看",
    "具体看",
    "还要看",
    // 可能会冒出一两根小绒毛,属于正常; 可能会慢慢变淡,介意的话建议手洗
    "属于正常",
    "是正常的",
    "介意的话",
];

/// A figure pictured by something familiar: 那么大, 差不多重, 大半瓶.
const PICTURED: Words = words![
    "那么大",
    "那么重",
    "那么高",
    "那么长",
    "那么宽",
    "那么厚",
    "差不多",
    "一样",
    "似的",
    "的大半",
    "的一半",
    "相当于"
];

/// After 可能 and before 的, these name a possible thing (可能出现的问题, 可能产生的费用).
const POSSIBLE_THING: Words = words!["出现", "存在", "产生", "发生", "遇到", "造成", "引起", "导致"];

fn excluded(text: &str, hit: &Range<usize>, word: &str) -> bool {
    let before = &text[..hit.start];
    let after = &text[hit.end..];
    // The rest of the hedge's clause, up to its first mark or space.
    let clause_rest = after.split(is_punct_or_space).next().unwrap_or("");
    match word {
        "可能" => {
            // “可能获得…” describes a prize draw; “可能给您带来了不便” is an apology; “可能要麻烦
            // 您…” is courtesy.
            ["获得", "会获得", "抽中", "给您带来", "带来", "要麻烦", "需要麻烦", "得麻烦", "要辛苦", "会麻烦"]
                .iter()
                .any(|a| after.starts_with(a))
                || matches!(char_before(text, hit.start), Some('不' | '尽'))
                || before.ends_with("不太")
                || before.ends_with("不大")
                || after.starts_with('性')
                || after.starts_with("的话")
                // “到时候可能不在家的话”: a condition, however it is worded.
                || clause_rest.contains("的话")
                // “可能是我之前没说清楚”: the agent's own fault, owned humbly.
                || after.starts_with("是我")
                || before.ends_with("如有")
                || before.ends_with("若有")
                // “避免可能出现的过敏反应”: a possible thing named, not a guess.
                || POSSIBLE_THING.iter().any(|v| after.starts_with(v) && after[v.len()..].starts_with('的'))
        }
        "应该" => {
            DUTY_AFTER.iter().any(|d| after.starts_with(d))
                || after.chars().next().is_none_or(|c| is_punct_or_space(c) || c == '呢' || c == '哦' || c == '滴')
                || matches!(char_before(text, hit.start), Some('不' | '本' | '理' | '您' | '你'))
                // “本来应该送货上门的”: what should have happened, owned.
                || before.ends_with("本来")
                || before.ends_with("原本")
        }
        "估计" => {
            ["无法", "没法", "难以", "不好", "不能", "可", "预"].iter().any(|b| before.ends_with(b))
                // (估计不到 is “can't estimate”; 估计不在保修范围内 still guesses.)
                || ["的", "不到", "不了", "不出", "一下", "时间"].iter().any(|a| after.starts_with(a))
        }
        // “就好像新的一样” is a simile.
        "好像" => clause_rest.contains("一样") || clause_rest.contains("似的") || before.ends_with('就'),
        // 差不多 compares (“功效差不多的”) unless it rounds a number or time or guesses what
        // the goods can do (“差不多能应付”).
        "差不多" => {
            !starts_with_time(after)
                && !["能", "可以", "够", "行", "没问题", "不会"].iter().any(|a| after.starts_with(a))
        }
        "大概" => {
            let figures_given = before.chars().any(|c| c.is_ascii_digit());
            // “宽22厘米…大概就是一个电饭煲那么大”: the exact figure given, then a picture of it;
            // “每天开5个小时 一个月下来大概3.6度电”: a sum worked out from the figures given.
            figures_given && (contains_any(clause_rest, PICTURED) || before.ends_with("下来"))
        }
        // “也许可以先看看布书”: a suggestion, softly made.
        "也许" | "或许" => starts_with_any(after, ["可以先", "可以看看", "可以试试", "可以考虑"]),
        // “八成新” grades second-hand goods; “多半的” counts.
        // (七八成熟 grades ripeness.)
        "八成" => after.starts_with('新') || after.starts_with('的') || after.starts_with('熟'),
        "多半" => after.starts_with('的'),
        _ => false,
    }
}

/// Whether the text (after the hedge) starts with a time or a number.
fn starts_with_time(after: &str) -> bool {
    let mut rest = after;
    for lead in TIME_LEAD {
        if let Some(r) = rest.strip_prefix(lead) {
            rest = r;
            break;
        }
    }
    let rest = rest.trim_start();
    rest.chars().next().is_some_and(|c| c.is_ascii_digit() || "一二两三四五六七八九十半几".contains(c))
        || TIME_WORDS.iter().any(|w| rest.starts_with(w))
}

/// The end of the clause's words, before its closing punctuation.
fn core_end(text: &str, clause: &Range<usize>) -> usize {
    let s = &text[clause.clone()];
    clause.start + s.trim_end_matches(|c: char| is_punct_or_space(c) && c != ']').len()
}

/// A tag clause (“应该是。”) is flagged only when it trails a statement it can be dropped from.
fn tag_clause_allowed(draft: &Draft, clause_start: usize) -> bool {
    clause_start > 0 && draft.sentence_at(clause_start).is_some_and(|s| s.range.start < clause_start)
}

fn strip_doubt_tail(s: &str) -> &str {
    DOUBT_TAIL.iter().find_map(|t| s.strip_suffix(t)).unwrap_or(s)
}

/// `asked`: the customer asked something, which the hedged statement may answer.
fn lint_for(
    draft: &Draft,
    hit: &Range<usize>,
    word: &str,
    clause_start: usize,
    core_end: usize,
    asked: bool,
) -> Option<Lint> {
    let text = draft.folded();
    let core_end = core_end.max(hit.end);
    let rest = draft.raw_text(&(hit.end..core_end));
    let filler_only = rest.chars().all(|c| TAG_FILLER.contains(&c) || is_punct_or_space(c));
    if filler_only {
        // “…,应该是。”: the tag adds only doubt; drop it with the comma before it.
        if hit.start != clause_start {
            return None;
        }
        if !tag_clause_allowed(draft, clause_start) {
            // The whole answer is “可能吧。”: promise to find out instead.
            return Some(
                HedgeWord::META
                    .lint(hit.start..core_end, format!("“{word}”不是答复,先核实"))
                    .suggest("我帮您核实后给您准确答复"),
            );
        }
        // The finding covers the statement and its tag; the fix keeps the statement.
        let prev_core = core_end_before(text, clause_start);
        let prev_start = draft.clause_at(prev_core.saturating_sub(1)).map_or(prev_core, |c| c.range.start);
        let statement = draft.raw_text(&(prev_start..prev_core));
        return Some(
            HedgeWord::META.lint(prev_start..core_end, format!("句尾“{word}”让前面的答复没底")).suggest(statement),
        );
    }
    // “有可能 / 很可能”: the prefix goes with the hedge.
    let start = match char_before(text, hit.start) {
        Some(c @ ('有' | '很')) if word == "可能" => hit.start - c.len_utf8(),
        _ => hit.start,
    };
    let body = strip_doubt_tail(rest.trim_start());
    let span = start..core_end;
    let caused = {
        let sentence = draft.sentence_at(hit.start).map_or(hit.start..core_end, |s| s.range.clone());
        // “用久了可能会觉得有点干,建议戴手套”, “维修中可能需要刷机 刷机会清除数据 所以建议您先
        // 备份”: a risk, with what to do about it.
        let advised = starts_with_any(&text[hit.end..], ["会", "需要", "要"])
            && (text[sentence.clone()].contains("建议") || text[hit.end..].contains("所以建议"));
        contains_any(&text[sentence.start..hit.start], CIRCUMSTANCE)
            || contains_any(&text[sentence], DISCLAIMER)
            || warns_of_a_consequence(text, hit)
            || advised
            // “老小区的线可能承受不了。安装前师傅会免费帮您检测”: checked before anything is done.
            || contains_any(&text[hit.end..], CHECKED_LATER)
            // “您那边可能是耳机还连着之前的设备,麻烦先断开…重新配对试试”, “也许是您购物车金额还
            // 没到门槛,麻烦您看一下”: a guess about the customer's side that their next step tells.
            || (on_the_customers_side(text, clause_start, hit) && contains_any(&text[hit.end..], CUSTOMER_CHECK))
    };
    if starts_with_time(&text[hit.end..]) && contains_any(body, EVENTS) {
        let ranged = is_range(body);
        let severity = if ranged || caused { Severity::Hint } else { Severity::Warning };
        return Some(
            HedgeWord::META
                .lint(span, format!("“{word}”+时间不确定,用“预计”"))
                .with_severity(severity)
                .suggest(format!("预计{body}"))
                .suggest("具体时间我帮您核实后马上告诉您"),
        );
    }
    if caused || is_range(body) {
        // A caveat with its reason (“由于促销…可能会晚到”) or a standard disclaimer (“可能有
        //色差,以实物为准”): dropping the hedge would promise the bad outcome; only a nudge.
        // So for a range (“早晚可能相差10到20毫米汞柱”): it already reads as an estimate.
        return Some(
            HedgeWord::META.lint(span, format!("“{word}”之后最好给出预计时间或方案")).with_severity(Severity::Hint),
        );
    }
    // A guessed cause (这边有可能是系统误判了, 可能因为节日放假有一定的延迟) is the agent's
    // explanation: no one fix keeps what they know and drops the guess (raters of real replies
    // rejected both a promise to check in its place and “初步判断…”), so only a nudge.
    if starts_with_any(body, ["因为", "由于"]) || contains_any(body, CAUSE_GUESSED) || leads_to(text, core_end) {
        return Some(
            HedgeWord::META.lint(span, format!("“{word}”猜测原因,核实后再告诉客户")).with_severity(Severity::Hint),
        );
    }
    // A guess nobody asked for (所以价保可能会退回到余额 to 正在办财务手续, 促销可能比较忙 to
    // 没有了谢谢): still a guess to check, but a promise to check answers no question there, so
    // the finding offers no fix (raters rejected it in its place). Nor when the reply sends the
    // customer to ask someone else (“应该是商家联系您的 您可以联系下商家客服询问下”): our promise
    // to check would contradict it.
    if !asked || ASK_ELSEWHERE.is_in(&text[core_end..]) {
        return Some(HedgeWord::META.lint(span, format!("“{word}”显得没把握,核实后再告诉客户")));
    }
    // Verify, then answer (the guides): deleting the hedge alone would turn a guess into a
    // promise nobody checked, so that is only the second choice. The promise replaces the
    // whole clause (“这个尺码应该偏大” → “这个我帮您核实后…”), so it reads whole.
    let lead = draft.raw_text(&(clause_start..start));
    let (span, verify) = if lead.trim().is_empty() {
        (span, "我帮您核实后给您准确答复")
    } else {
        (clause_start..core_end, "这个我帮您核实后给您准确答复")
    };
    // “预计5月3日应该可以”: the estimate is given already; the hedge only blurs it, so the
    // statement without it is the fix (a promise to check would throw the estimate away).
    if lead.contains("预计") && body.chars().any(|c| !is_punct_or_space(c)) {
        return Some(
            HedgeWord::META
                .lint(clause_start..core_end, format!("“{word}”让预计时间没底,去掉它"))
                .suggest(format!("{lead}{body}")),
        );
    }
    // A trailing emoji is the agent's tone, not the guess: it stays.
    let tone = &body[body.trim_end_matches(|c: char| is_emoji(c) || c == '\u{fe0f}').len()..];
    let lint =
        HedgeWord::META.lint(span, format!("“{word}”显得没把握,核实后给确定答复")).suggest(format!("{verify}{tone}"));
    Some(if body.chars().any(|c| !is_punct_or_space(c)) { lint.suggest(format!("{lead}{body}")) } else { lint })
}

/// “可能会让木头开裂”, “放久了就可能变软”: the hedge names what a cause or a condition may
/// lead to.
fn warns_of_a_consequence(text: &str, hit: &Range<usize>) -> bool {
    let after = text[hit.end..].trim_start_matches('会');
    (text[..hit.start].ends_with('就') || CONSEQUENCE.iter().any(|c| after.starts_with(c)))
        && !after.starts_with("让您")
}

/// A clause that is only a hedge and particles (“应该是。”, “可能吧”).
fn is_tag(clause: &str) -> bool {
    let words: String = clause.chars().filter(|c| !is_punct_or_space(*c)).collect();
    HEDGES.iter().any(|h| words.strip_prefix(h).is_some_and(|r| r.chars().all(|c| TAG_FILLER.contains(&c))))
}

/// The end of the words of the clause before `clause_start` (where a dropped tag begins).
fn core_end_before(text: &str, clause_start: usize) -> usize {
    text[..clause_start].trim_end_matches(|c: char| is_punct_or_space(c) && c != ']').len()
}

/// “3-5天”, “[数字x]-[数字x]天”, “两到三天”: a range is already an estimate.
fn is_range(s: &str) -> bool {
    let b = s.as_bytes();
    // (An approximate number is a range too: 十几斤, 几十块.)
    s.contains("]-[")
        || contains_any(s, &["十几", "几十", "几百", "几千"])
        || s.contains("至")
        || b.windows(3).any(|w| w[0].is_ascii_digit() && matches!(w[1], b'-' | b'~') && w[2].is_ascii_digit())
        || s.char_indices().any(|(i, c)| {
            c == '到'
                && char_before(s, i).is_some_and(|p| "一二两三四五六七八九十0123456789".contains(p))
                && char_after(s, i + c.len_utf8()).is_some_and(|n| "一二两三四五六七八九十0123456789".contains(n))
        })
}
