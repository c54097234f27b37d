use super::*;

fn ranges(p: &Pattern, text: &str) -> Vec<(usize, usize)> {
    p.find_iter(text).map(|m| (m.start, m.end)).collect()
}

fn oracle(re: &regex::Regex, text: &str) -> Vec<(usize, usize)> {
    re.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

fn error(pattern: &str) -> String {
    match Pattern::new(pattern) {
        Ok(_) => panic!("{pattern:?} should be refused"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn finds_team_phrases() {
    let p = Pattern::new("呵呵+").unwrap();
    assert_eq!(ranges(&p, "好的呵呵呵,呵"), vec![(6, 15)]);
    let p = Pattern::new("[你您]们?自己(?:看|查)").unwrap();
    assert_eq!(ranges(&p, "您们自己查一下吧,你自己看"), vec![(0, 15), (25, 37)]);
    let p = Pattern::new(r"\d{3,}元").unwrap();
    assert_eq!(ranges(&p, "返现 20元,再返 200元"), vec![(20, 26)]);
    let p = Pattern::new("^亲").unwrap();
    assert_eq!(ranges(&p, "亲,亲"), vec![(0, 3)]);
    assert!(Pattern::new("如果|的话").unwrap().is_match("如果不行的话"));
    assert!(!Pattern::new("如果|的话").unwrap().is_match("不行"));
}

#[test]
fn refusals_say_what_and_where() {
    for (pattern, says) in [
        ("(呵呵", "第 1 个字符处,“(” 没有对应的 “)”"),
        ("呵呵)", "第 3 个字符处,“)” 没有对应的 “(”"),
        ("[你您", "“[” 没有对应的 “]”"),
        ("[]", "字符集 [] 是空的"),
        ("[a[b]]", "第 3 个字符处,字符集里不能再套"),
        ("[a&&b]", "不支持字符集运算 “&&”"),
        // (Found by fuzzing: `regex` reads `!--z` as a set difference, not the range 「!」 to 「-」.)
        ("[!--z]", "不支持字符集运算 “--”"),
        ("[z-a]", "字符范围无效"),
        (r"[\d-z]", "字符范围无效"),
        ("*呵", "第 1 个字符处,“*” 前面没有可重复的内容"),
        ("呵**", "重复符号不能连用"),
        ("(呵*)*", "被重复的部分可以什么都不匹配"),
        ("呵{2", "次数应写成"),
        ("呵{,2}", "次数应写成"),
        ("呵{3,2}", "n 不能大于 m"),
        ("呵{101}", "次数最多 100"),
        (r"\b呵", "不支持转义 “\\b”"),
        (r"\p{Han}", "不支持转义 “\\p”"),
        (r"\<", "不支持转义 “\\<”"),
        ("呵]", "字面的 ] 请写 \\]"),
        ("呵\\", "末尾的 “\\” 后面缺少字符"),
        ("(?i)abc", "不支持 (?…) 标志"),
        ("(?P<1>a)", "分组名应写成"),
        ("(?P<n>a)(?<n>b)", "第 9 个字符处,分组名 “n” 重复"),
        ("a*", "表达式会匹配空文本"),
        ("^|呵", "表达式会匹配空文本"),
        ("(((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))", "括号嵌套过深"),
        ("(((a{100}){100}){100})", "表达式过于复杂"),
    ] {
        let got = error(pattern);
        assert!(got.contains(says), "{pattern:?}: {got:?} should say {says:?}");
    }
}

/// `\d`, `\s` and `\w` are the `regex` crate's, character for character.
#[test]
fn perl_classes_equal_the_regex_crates() {
    let mut buf = [0u8; 4];
    for (class, ours) in [(r"\d", unicode::DIGIT), (r"\s", unicode::SPACE), (r"\w", unicode::WORD)] {
        let re = regex::Regex::new(&format!("^{class}$")).unwrap();
        let p = Pattern::new(class).unwrap();
        let mut checked = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let theirs = re.is_match(c.encode_utf8(&mut buf));
            assert_eq!(ours.iter().any(|&(a, b)| a <= c && c <= b), theirs, "{class} on U+{:04X}", c as u32);
            assert_eq!(p.is_match(c.encode_utf8(&mut buf)), theirs, "{class} on U+{:04X}", c as u32);
            checked += 1;
        }
        assert_eq!(checked, 1_112_064);
    }
}

#[test]
fn escaped_punctuation_is_itself() {
    for c in (0u8..128).map(char::from).filter(|c| c.is_ascii_punctuation() && *c != '<' && *c != '>') {
        let pattern = format!("\\{c}");
        let p = Pattern::new(&pattern).unwrap();
        let re = regex::Regex::new(&pattern).unwrap_or_else(|e| panic!("regex refuses {pattern}: {e}"));
        let text = format!("a{c}b{c}");
        assert_eq!(ranges(&p, &text), oracle(&re, &text), "{pattern}");
        assert_eq!(ranges(&p, &text).len(), 2, "{pattern}");
    }
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Texts are drawn from these, so patterns and texts meet often.
const TEXT: &[&str] = &["a", "b", "呵", "你", "您", "1", "9", " ", "\n", "元", "🙂", "-", "]", "_", "Ａ"];

fn text(rng: &mut Rng) -> String {
    (0..rng.below(14)).map(|_| rng.pick(TEXT)).collect()
}

fn atom(rng: &mut Rng, depth: u32) -> String {
    match rng.below(if depth > 2 { 6 } else { 9 }) {
        0..=2 => rng.pick(&["a", "b", "呵", "你", "您", "1", "元", "🙂", " ", r"\n", r"\-", r"\]", "_"]).to_string(),
        3 => rng.pick(&[".", r"\d", r"\s", r"\w", r"\D", r"\S", r"\W"]).to_string(),
        4 => {
            let mut class = String::from(if rng.below(4) == 0 { "[^" } else { "[" });
            for _ in 0..1 + rng.below(3) {
                class +=
                    rng.pick(&["a", "b", "a-z", "0-9", "呵", "你-您", r"\d", r"\s", r"\w", "_", r"\]", r"\-", "🙂"]);
            }
            if rng.below(5) == 0 {
                class += "-";
            }
            class + "]"
        }
        5 => rng.pick(&["^", "$"]).to_string(),
        6 | 7 => format!("{}{})", rng.pick(&["(", "(?:", "(?P<n>"]), alternation(rng, depth + 1)),
        _ => alternation(rng, depth + 1),
    }
}

fn repeated(rng: &mut Rng, depth: u32) -> String {
    let atom = atom(rng, depth);
    if rng.below(3) != 0 {
        return atom;
    }
    let quantifier = rng.pick(&["*", "+", "?", "{2}", "{0,2}", "{1,}", "{2,3}", "{0}", "{1}"]);
    let lazy = if rng.below(3) == 0 { "?" } else { "" };
    format!("{atom}{quantifier}{lazy}")
}

fn alternation(rng: &mut Rng, depth: u32) -> String {
    let branches: Vec<String> = (0..1 + rng.below(if depth > 1 { 2 } else { 3 }))
        .map(|_| (0..1 + rng.below(3)).map(|_| repeated(rng, depth)).collect())
        .collect();
    branches.join("|")
}

/// Compares a pattern we accept with `regex` on texts; false if we refuse it.
fn compare(rng: &mut Rng, pattern: &str, texts: usize) -> bool {
    let Ok(ours) = Pattern::new(pattern) else { return false };
    let theirs = regex::Regex::new(pattern).unwrap_or_else(|e| panic!("we accept {pattern:?}, regex refuses: {e}"));
    for _ in 0..texts {
        let t = text(rng);
        assert_eq!(ranges(&ours, &t), oracle(&theirs, &t), "{pattern:?} on {t:?}");
        assert_eq!(ours.is_match(&t), theirs.is_match(&t), "{pattern:?} on {t:?}");
    }
    true
}

/// Generated patterns (classes, groups, alternations, greedy and lazy repeats, anchors)
/// match exactly where `regex` matches.
#[test]
fn same_matches_as_regex_on_generated_patterns() {
    let mut rng = Rng(0x5EED_CAFE_F00D_1234);
    let mut accepted = 0;
    for _ in 0..30_000 {
        let pattern = alternation(&mut rng, 0);
        accepted += usize::from(compare(&mut rng, &pattern, 24));
    }
    assert!(accepted > 9_000, "only {accepted} of 30,000 generated patterns were accepted");
}

/// Strings of syntax characters: whatever we accept, `regex` accepts too and matches alike.
#[test]
fn accepts_only_what_regex_accepts() {
    let pieces = [
        "a", "b", "呵", "(", ")", "[", "]", "^", "$", "|", "*", "+", "?", "{", "}", "2", ",", ".", "-", r"\", "d", "s",
        "w", "n", ":", "P", "<", ">", "&", "~", " ",
    ];
    let mut rng = Rng(0x0BAD_5EED_1234_5678);
    let mut accepted = 0;
    for _ in 0..200_000 {
        let pattern: String = (0..1 + rng.below(7)).map(|_| rng.pick(&pieces)).collect();
        accepted += usize::from(compare(&mut rng, &pattern, 6));
    }
    assert!(accepted > 10_000, "only {accepted} of 200,000 syntax strings were accepted");
}

/// Texts long enough for a match to be pending while the search for the next one runs
/// (`a(.*x)?` on `aaa…x`): one pass finds what `regex` finds by restarting.
#[test]
fn one_pass_equals_restarting_on_long_texts() {
    let patterns = [
        "a(.*x|.*y|.*z)?",
        "a.*?b|a",
        "(a|ab)(c|bcd)?",
        r"\w+?x?",
        "a+(b+c)?",
        ".{2,5}?x|a",
        "(a|b)*?c|b",
        "a(b*c)?|b",
        "(ab)+|a(bx)?",
        "x?a+?(y|.*z)?",
        "[ab]{2}(.*c)?",
        "^a|b(.*a)?",
        "a(.*z)?$|a",
        "(a.*b|b.*a)?c|a",
    ];
    let mut rng = Rng(0x00DD_BA11_5EED_0001);
    let letters = ["a", "b", "c", "x", "y", "z", "呵"];
    for pattern in patterns {
        let ours = Pattern::new(pattern).unwrap();
        let theirs = regex::Regex::new(pattern).unwrap();
        for _ in 0..2_000 {
            let t: String = (0..rng.below(40)).map(|_| rng.pick(&letters)).collect();
            assert_eq!(ranges(&ours, &t), oracle(&theirs, &t), "{pattern:?} on {t:?}");
        }
    }
    let mut accepted = 0;
    for _ in 0..5_000 {
        let pattern = alternation(&mut rng, 0);
        let Ok(ours) = Pattern::new(&pattern) else { continue };
        let theirs = regex::Regex::new(&pattern).unwrap();
        accepted += 1;
        for _ in 0..8 {
            let t: String = (0..rng.below(60)).map(|_| rng.pick(TEXT)).collect();
            assert_eq!(ranges(&ours, &t), oracle(&theirs, &t), "{pattern:?} on {t:?}");
        }
    }
    assert!(accepted > 1_500, "only {accepted} of 5,000");
}

/// The steps (instructions visited, threads advanced) of finding every match in `text`.
fn steps(p: &Pattern, text: &str) -> usize {
    vm::STEPS.with(|s| s.set(0));
    let _ = p.find_iter(text).count();
    vm::STEPS.with(|s| s.get())
}

/// A search costs at most a few steps per instruction and character, whatever the pattern,
/// and no more per character on a longer text.
#[test]
fn searches_are_linear_in_the_text() {
    for (pattern, unit) in [
        ("a(.*x|.*y|.*z)?", "a"),
        ("a(.*x|.*y|.*z)?", "ab"),
        (r"((\w|\W){1,99}){1,2}y", "好"),
        (r"(\w|\W){1,99}(\w|\W){1,99}y", "a"),
        (r".{1,100}.{1,100}.{1,100}.{1,100}.{1,100}y", "您"),
        (r"(\w{99}){10}", "字"),
        ("(.*a){1,100}z", "a"),
        ("(a|aa)*?b", "a"),
        ("a.*?b|a", "a"),
        (r"\d+元|\d", "1"),
    ] {
        let p = Pattern::new(pattern).unwrap();
        let (short, long) = (unit.repeat(1_000), unit.repeat(4_000));
        let (chars, per_char) = (long.chars().count(), |s: usize, text: &str| s as f64 / text.chars().count() as f64);
        let (a, b) = (steps(&p, &short), steps(&p, &long));
        println!(
            "{pattern:?} on {unit:?}×n: {} instructions, {:.1} / {:.1} steps per character",
            p.size(),
            per_char(a, &short),
            per_char(b, &long)
        );
        assert!(b <= 3 * p.size() * chars, "{pattern:?}: {b} steps on {chars} characters");
        assert!(per_char(b, &long) <= 1.1 * per_char(a, &short) + 1.0, "{pattern:?}: {a} then {b} steps");
    }
}

#[test]
fn budgets_say_where() {
    for (pattern, at, says) in [
        (r"((\w|\W){1,99}){1,20}y", 16, "表达式过于复杂(展开后超过 1000 步"),
        (r"(\w{99}){100}", 9, "表达式过于复杂"),
        (r"\w{100}\w{100}\w{100}\w{100}\w{100}\w{100}\w{100}\w{100}\w{100}\w{100}\w", 71, "表达式过于复杂"),
        (r"(a{2}|b{500})", 0, "次数最多 100"),
        (
            r"(a{50}|b{50}|c{50}|d{50}|e{50}|f{50}|g{50}|h{50}|i{50}|j{50}|k{50}|l{50}|m{50}|n{50}|o{50}|p{50}|q{50}|r{50}|s{50}|t{50})",
            116,
            "表达式过于复杂",
        ),
        (r"[^,\w][^.\w][^!\w][^?\w][^;\w][^:\w]", 31, "字符集过大(合计最多 4000 个区间)"),
    ] {
        let got = error(pattern);
        assert!(got.contains(says), "{pattern:?}: {got:?} should say {says:?}");
        if at > 0 {
            assert!(got.starts_with(&format!("第 {at} 个字符处")), "{pattern:?}: {got:?} should be at {at}");
        }
    }
    let long = "呵".repeat(200);
    assert_eq!(error(&long), "表达式过长(最多 500 字节)");
    assert!(Pattern::new(&"呵".repeat(166)).is_ok());
    // One table per distinct set: `\w` 250 times is one set.
    assert!(Pattern::new(&r"\w".repeat(250)).is_ok());
    assert!(Pattern::new(r"\w{1,100}\W{1,100}\w{1,100}\s{1,100}y").is_ok());
    assert!(Pattern::new(r"((\w|\W){1,99}){1,2}y").unwrap().size() <= 1_001);
}

/// What a compiled pattern holds: sets are shared, so `(\w{99}){10}` is 991 instructions
/// and one `\w` (`(\w{99}){100}` held ~62 MB when every instruction had its copy).
#[test]
fn compiled_patterns_are_small() {
    for (pattern, most) in [
        (r"(\w{99}){10}", 30_000),
        (r"(\w{33}\W{33}\d{33}){10}", 45_000),
        (r"[^,\w][^.\w][^!\w][^?\w][^;\w]", 80_000),
        ("呵呵", 1_000),
    ] {
        let p = Pattern::new(pattern).unwrap();
        let bytes = p.program.heap_bytes();
        println!("{pattern}: {} instructions, {} sets, {bytes} bytes", p.size(), p.program.sets_len());
        assert!(bytes <= most, "{pattern}: {bytes} bytes");
    }
}
