//! Character folding for matching: every character maps to exactly one character, so
//! offsets in the folded text map back to the typed text one-to-one.
//!
//! - full-width ASCII (`Ａ１，！？`) → half-width (`a1,!?`), ideographic space → space;
//! - ASCII letters → lower case;
//! - common traditional characters → simplified (the ones the rule lexicons use), and the
//!   Cantonese characters customers type (冇 → 没, 唔 → 不, 咩 → 啥, 嘅 → 的, 哋 → 们…);
//! - a typo that always means one word, by the character before it (自已 → 自己, 好象 → 好像,
//!   大慨 → 大概, 估记 → 估计).

use super::CharBits;

/// Fold one character. Never changes the number of characters.
#[inline]
pub fn fold_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{FF01}'..='\u{FF5E}' => {
            // Full-width forms are laid out in the same order as ASCII 0x21..=0x7E.
            let ascii = (c as u32 - 0xFF01 + 0x21) as u8 as char;
            ascii.to_ascii_lowercase()
        }
        // Every other space (no-break U+00A0 from pasted web text, U+2002–U+200A, U+3000 …)
        // is one ASCII space, so a rule stepping over a space it found steps one byte.
        '\u{3000}'
        | '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{0085}' => ' ',
        _ => trad_to_simp(c),
    }
}

/// Fold a whole string (used for lexicons and customer text).
pub fn fold(s: &str) -> String {
    let mut prev = '\0';
    s.chars()
        .map(|c| {
            prev = fold_after(prev, fold_char(c));
            prev
        })
        .collect()
}

/// The folded `c` after the folded `prev`: a typo that always means one word (自已 → 自己,
/// 好象 → 好像).
#[inline]
pub fn fold_after(prev: char, c: char) -> char {
    match (prev, c) {
        ('自', '已') => '己',
        // Hedges typed with a homophone: 好象, 大慨, 估记.
        ('好', '象') => '像',
        ('大', '慨') => '概',
        ('估', '记') => '计',
        _ => c,
    }
}

/// Traditional → simplified (and Cantonese → Mandarin), sorted by the first character for a
/// binary search.
const TABLE: &[(char, char)] = &[
    ('並', '并'),
    ('乜', '啥'),
    ('亂', '乱'),
    ('佢', '他'),
    ('來', '来'),
    ('係', '系'),
    ('俾', '给'),
    ('倉', '仓'),
    ('個', '个'),
    ('們', '们'),
    ('傳', '传'),
    ('價', '价'),
    ('億', '亿'),
    ('償', '偿'),
    ('優', '优'),
    ('內', '内'),
    ('冇', '没'),
    ('別', '别'),
    ('務', '务'),
    ('勞', '劳'),
    ('區', '区'),
    ('咁', '这'),
    ('咗', '了'),
    ('咩', '啥'),
    ('哋', '们'),
    ('員', '员'),
    ('唔', '不'),
    ('問', '问'),
    ('啟', '启'),
    ('啲', '些'),
    ('單', '单'),
    ('喺', '在'),
    ('嗎', '吗'),
    ('嗚', '呜'),
    ('嘅', '的'),
    ('嘗', '尝'),
    ('嘢', '事'),
    ('噉', '这'),
    ('嚟', '来'),
    ('國', '国'),
    ('圍', '围'),
    ('園', '园'),
    ('圖', '图'),
    ('團', '团'),
    ('塊', '块'),
    ('壓', '压'),
    ('壞', '坏'),
    ('夠', '够'),
    ('妳', '你'),
    ('實', '实'),
    ('寫', '写'),
    ('寶', '宝'),
    ('專', '专'),
    ('對', '对'),
    ('導', '导'),
    ('層', '层'),
    ('帶', '带'),
    ('幫', '帮'),
    ('幾', '几'),
    ('庫', '库'),
    ('廣', '广'),
    ('張', '张'),
    ('後', '后'),
    ('從', '从'),
    ('復', '复'),
    ('愛', '爱'),
    ('態', '态'),
    ('慮', '虑'),
    ('懇', '恳'),
    ('應', '应'),
    ('戶', '户'),
    ('換', '换'),
    ('揾', '找'),
    ('損', '损'),
    ('擔', '担'),
    ('據', '据'),
    ('攔', '拦'),
    ('攞', '拿'),
    ('攬', '揽'),
    ('數', '数'),
    ('時', '时'),
    ('書', '书'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('業', '业'),
    ('樂', '乐'),
    ('標', '标'),
    ('櫃', '柜'),
    ('權', '权'),
    ('歡', '欢'),
    ('歲', '岁'),
    ('歷', '历'),
    ('歸', '归'),
    ('氣', '气'),
    ('沒', '没'),
    ('減', '减'),
    ('準', '准'),
    ('滿', '满'),
    ('為', '为'),
    ('無', '无'),
    ('煩', '烦'),
    ('爲', '为'),
    ('獨', '独'),
    ('現', '现'),
    ('產', '产'),
    ('畀', '给'),
    ('當', '当'),
    ('發', '发'),
    ('盡', '尽'),
    ('睇', '看'),
    ('確', '确'),
    ('碼', '码'),
    ('種', '种'),
    ('稱', '称'),
    ('範', '范'),
    ('純', '纯'),
    ('級', '级'),
    ('紹', '绍'),
    ('絕', '绝'),
    ('絡', '络'),
    ('給', '给'),
    ('經', '经'),
    ('網', '网'),
    ('緊', '紧'),
    ('線', '线'),
    ('緩', '缓'),
    ('總', '总'),
    ('績', '绩'),
    ('繫', '系'),
    ('續', '续'),
    ('聯', '联'),
    ('聲', '声'),
    ('聽', '听'),
    ('與', '与'),
    ('舊', '旧'),
    ('萬', '万'),
    ('處', '处'),
    ('號', '号'),
    ('衝', '冲'),
    ('裏', '里'),
    ('補', '补'),
    ('裡', '里'),
    ('複', '复'),
    ('見', '见'),
    ('親', '亲'),
    ('覺', '觉'),
    ('訂', '订'),
    ('計', '计'),
    ('訊', '讯'),
    ('記', '记'),
    ('評', '评'),
    ('詢', '询'),
    ('該', '该'),
    ('認', '认'),
    ('誠', '诚'),
    ('誤', '误'),
    ('說', '说'),
    ('誰', '谁'),
    ('談', '谈'),
    ('請', '请'),
    ('論', '论'),
    ('諮', '咨'),
    ('謊', '谎'),
    ('謝', '谢'),
    ('證', '证'),
    ('識', '识'),
    ('議', '议'),
    ('護', '护'),
    ('讀', '读'),
    ('讓', '让'),
    ('貝', '贝'),
    ('負', '负'),
    ('貨', '货'),
    ('責', '责'),
    ('貴', '贵'),
    ('買', '买'),
    ('費', '费'),
    ('貼', '贴'),
    ('賠', '赔'),
    ('賣', '卖'),
    ('質', '质'),
    ('購', '购'),
    ('較', '较'),
    ('載', '载'),
    ('輕', '轻'),
    ('輸', '输'),
    ('轉', '转'),
    ('辦', '办'),
    ('這', '这'),
    ('進', '进'),
    ('運', '运'),
    ('過', '过'),
    ('達', '达'),
    ('遞', '递'),
    ('遠', '远'),
    ('適', '适'),
    ('遲', '迟'),
    ('選', '选'),
    ('還', '还'),
    ('邊', '边'),
    ('郵', '邮'),
    ('銷', '销'),
    ('錄', '录'),
    ('錢', '钱'),
    ('錯', '错'),
    ('錶', '表'),
    ('鏈', '链'),
    ('鐘', '钟'),
    ('鐵', '铁'),
    ('長', '长'),
    ('門', '门'),
    ('開', '开'),
    ('間', '间'),
    ('閱', '阅'),
    ('關', '关'),
    ('隊', '队'),
    ('際', '际'),
    ('隨', '随'),
    ('險', '险'),
    ('隱', '隐'),
    ('雖', '虽'),
    ('雙', '双'),
    ('離', '离'),
    ('難', '难'),
    ('電', '电'),
    ('頁', '页'),
    ('頂', '顶'),
    ('項', '项'),
    ('順', '顺'),
    ('須', '须'),
    ('預', '预'),
    ('題', '题'),
    ('額', '额'),
    ('顏', '颜'),
    ('願', '愿'),
    ('類', '类'),
    ('顧', '顾'),
    ('顯', '显'),
    ('風', '风'),
    ('馬', '马'),
    ('騙', '骗'),
    ('驗', '验'),
    ('體', '体'),
    ('鬆', '松'),
    ('鮮', '鲜'),
    ('麼', '么'),
    ('黃', '黄'),
    ('點', '点'),
    ('齊', '齐'),
];

/// The traditional characters in [`TABLE`]: most characters are in none, and skip the binary
/// search.
const TRADITIONAL: CharBits = {
    let mut bits = CharBits::EMPTY;
    let mut i = 0;
    while i < TABLE.len() {
        bits = bits.with(TABLE[i].0 as u32);
        i += 1;
    }
    bits
};

/// Traditional → simplified for the characters that matter to the rules. Not a full
/// converter: it exists so that a draft typed with a traditional IME still matches.
#[inline]
fn trad_to_simp(c: char) -> char {
    // Every traditional character of the table is a CJK ideograph (from U+4E00).
    if (c as u32) < 0x4E00 || !TRADITIONAL.may_hold(c as u32) {
        return c;
    }
    match TABLE.binary_search_by(|(t, _)| t.cmp(&c)) {
        Ok(i) => TABLE[i].1,
        Err(_) => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_case_and_script() {
        assert_eq!(fold("ＳＫＵ１２，好嗎？"), "sku12,好吗?");
        assert_eq!(fold("親，這個沒辦法"), "亲,这个没办法");
        assert_eq!(fold("\u{3000}OK"), " ok");
    }

    #[test]
    fn folds_typos_by_the_character_before() {
        assert_eq!(fold("自已 好象 大慨 估记"), "自己 好像 大概 估计");
        // Only after that character: 象 and 记 alone stay.
        assert_eq!(fold("大象 记得"), "大象 记得");
    }

    #[test]
    fn table_is_sorted() {
        // binary_search needs it; a mis-sorted entry would silently never match.
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TABLE[0].0 >= '\u{4E00}', "trad_to_simp skips everything below U+4E00");
        for &(t, simp) in TABLE {
            assert_eq!(fold_char(t), simp);
        }
    }

    #[test]
    fn one_char_in_one_char_out() {
        let s = "Ａ𠮷🙂\r\n親";
        assert_eq!(fold(s).chars().count(), s.chars().count());
    }
}
