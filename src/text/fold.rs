//! Character folding for matching: every character maps to exactly one character, so
//! offsets in the folded text map back to the typed text one-to-one.
//!
//! - full-width ASCII (`Ａ１，！？`) → half-width (`a1,!?`), ideographic space → space;
//! - ASCII letters → lower case;
//! - common traditional characters → simplified (the ones the rule lexicons use).

/// Fold one character. Never changes the number of characters.
pub fn fold_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{FF01}'..='\u{FF5E}' => {
            // Full-width forms are laid out in the same order as ASCII 0x21..=0x7E.
            let ascii = (c as u32 - 0xFF01 + 0x21) as u8 as char;
            ascii.to_ascii_lowercase()
        }
        '\u{3000}' => ' ',
        _ => trad_to_simp(c),
    }
}

/// Fold a whole string (used for lexicons and customer text).
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Traditional → simplified, sorted by the traditional character for a binary search.
const TABLE: &[(char, char)] = &[
    ('並', '并'),
    ('係', '系'),
    ('個', '个'),
    ('們', '们'),
    ('價', '价'),
    ('優', '优'),
    ('內', '内'),
    ('別', '别'),
    ('務', '务'),
    ('勞', '劳'),
    ('區', '区'),
    ('問', '问'),
    ('單', '单'),
    ('嗎', '吗'),
    ('國', '国'),
    ('塊', '块'),
    ('壞', '坏'),
    ('夠', '够'),
    ('妳', '你'),
    ('實', '实'),
    ('寶', '宝'),
    ('專', '专'),
    ('對', '对'),
    ('導', '导'),
    ('層', '层'),
    ('幫', '帮'),
    ('幾', '几'),
    ('張', '张'),
    ('後', '后'),
    ('從', '从'),
    ('復', '复'),
    ('態', '态'),
    ('慮', '虑'),
    ('應', '应'),
    ('換', '换'),
    ('損', '损'),
    ('擔', '担'),
    ('據', '据'),
    ('數', '数'),
    ('時', '时'),
    ('書', '书'),
    ('會', '会'),
    ('東', '东'),
    ('條', '条'),
    ('標', '标'),
    ('歡', '欢'),
    ('歲', '岁'),
    ('氣', '气'),
    ('沒', '没'),
    ('滿', '满'),
    ('為', '为'),
    ('無', '无'),
    ('爲', '为'),
    ('現', '现'),
    ('產', '产'),
    ('發', '发'),
    ('盡', '尽'),
    ('確', '确'),
    ('種', '种'),
    ('絕', '绝'),
    ('給', '给'),
    ('經', '经'),
    ('網', '网'),
    ('緊', '紧'),
    ('總', '总'),
    ('聯', '联'),
    ('聽', '听'),
    ('處', '处'),
    ('號', '号'),
    ('裏', '里'),
    ('裡', '里'),
    ('複', '复'),
    ('見', '见'),
    ('親', '亲'),
    ('覺', '觉'),
    ('訂', '订'),
    ('計', '计'),
    ('記', '记'),
    ('該', '该'),
    ('誤', '误'),
    ('說', '说'),
    ('請', '请'),
    ('謝', '谢'),
    ('證', '证'),
    ('議', '议'),
    ('讓', '让'),
    ('貨', '货'),
    ('買', '买'),
    ('費', '费'),
    ('賣', '卖'),
    ('質', '质'),
    ('辦', '办'),
    ('這', '这'),
    ('進', '进'),
    ('運', '运'),
    ('過', '过'),
    ('遞', '递'),
    ('還', '还'),
    ('郵', '邮'),
    ('錢', '钱'),
    ('錯', '错'),
    ('鐘', '钟'),
    ('長', '长'),
    ('門', '门'),
    ('開', '开'),
    ('間', '间'),
    ('關', '关'),
    ('難', '难'),
    ('電', '电'),
    ('預', '预'),
    ('題', '题'),
    ('願', '愿'),
    ('馬', '马'),
    ('麼', '么'),
    ('點', '点'),
];

/// Traditional → simplified for the characters that matter to the rules. Not a full
/// converter: it exists so that a draft typed with a traditional IME still matches.
fn trad_to_simp(c: char) -> char {
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
    fn table_is_sorted() {
        // binary_search needs it; a mis-sorted entry would silently never match.
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0));
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
