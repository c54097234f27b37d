//! A report as plain JS objects, built by hand on the hot path.
//!
//! Making a JS string out of wasm memory (`TextDecoder.decode`) costs about 0.4 µs in
//! Chromium, more than the rest of a finding; a 200-character draft has a dozen findings with
//! three or four strings each. While an agent types, nearly all of them repeat the previous
//! check's (the same rule ids, messages and suggestions for the part already typed), so the
//! strings are kept, by content, in a bounded cache per coach. The shape is the one serde
//! gives the native CLI; `tests/web.rs` compares the two.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::text::WordHasher;
use crate::{Finding, Report, RuleInfo};

#[wasm_bindgen(inline_js = "
export function finding(rule, category, severity, start, end, message, suggestions) {
  return { rule, category, severity, start, end, message, suggestions };
}
export function report(score, politeness, empathy, clarity, control, compliance, findings, situation, templates, omitted) {
  const r = { score, scores: { politeness, empathy, clarity, control, compliance }, findings, situation, templates };
  if (omitted.length) r.omitted = omitted;
  return r;
}
export function omission(rule, count) {
  return { rule, count };
}
export function template(id, situation, text) {
  return { id, situation, text };
}
export function rule(id, category, severity, title, summary, doc) {
  return { id, category, severity, title, summary, doc };
}")]
extern "C" {
    /// One call per object, each an object literal: V8 gives every finding the same shape,
    /// where setting fields one call at a time (`Reflect.set`) cost more than the check.
    #[allow(clippy::too_many_arguments)]
    fn finding(
        rule: &JsValue,
        category: &JsValue,
        severity: &JsValue,
        start: f64,
        end: f64,
        message: &JsValue,
        suggestions: &Array,
    ) -> JsValue;
    #[allow(clippy::too_many_arguments)]
    fn report(
        score: u8,
        politeness: u8,
        empathy: u8,
        clarity: u8,
        control: u8,
        compliance: u8,
        findings: &Array,
        situation: &JsValue,
        templates: &Array,
        omitted: &Array,
    ) -> JsValue;
    fn omission(rule: &JsValue, count: f64) -> JsValue;
    fn template(id: &JsValue, situation: &JsValue, text: &JsValue) -> JsValue;
    fn rule(id: &str, category: &str, severity: &str, title: &str, summary: &str, doc: &str) -> JsValue;
}

/// `Coach.rules()`: a `RuleInfo` as serde would give it (as `Coach::rules` does in the CLI),
/// made by hand: serde-wasm-bindgen's serializer was ~4 KB of the coach for this one call.
pub fn rules(rules: &[RuleInfo]) -> Array {
    let out = Array::new_with_length(rules.len() as u32);
    for (i, r) in rules.iter().enumerate() {
        out.set(i as u32, rule(&r.id, r.category.id(), r.severity.as_str(), &r.title, &r.summary, &r.doc));
    }
    out
}

/// Strings kept at most; past that the cache starts afresh (a long session with many
/// different drafts can't grow it without bound).
const CAPACITY: usize = 2048;
/// Longer strings (a suggestion spanning a long clause) are made each time, not kept.
const LONGEST: usize = 256;

#[derive(Default)]
pub struct Strings {
    map: HashMap<String, JsValue, BuildHasherDefault<WordHasher>>,
}

impl Strings {
    /// The JS string for `s`, made once.
    fn get(&mut self, s: &str) -> JsValue {
        if s.len() > LONGEST {
            return JsValue::from_str(s);
        }
        if let Some(v) = self.map.get(s) {
            return v.clone();
        }
        if self.map.len() >= CAPACITY {
            self.map.clear();
        }
        let v = JsValue::from_str(s);
        self.map.insert(s.to_owned(), v.clone());
        v
    }

    pub fn report(&mut self, r: &Report) -> JsValue {
        let findings = Array::new_with_length(r.findings.len() as u32);
        for (i, f) in r.findings.iter().enumerate() {
            findings.set(i as u32, self.finding(f));
        }
        let templates = Array::new_with_length(r.templates.len() as u32);
        for (i, t) in r.templates.iter().enumerate() {
            templates.set(i as u32, template(&self.get(&t.id), &self.get(&t.situation), &self.get(&t.text)));
        }
        let situation = r.situation.as_deref().map_or(JsValue::NULL, |s| self.get(s));
        // Absent when empty, as serde writes it for the CLI.
        let omitted = Array::new();
        for o in &r.omitted {
            omitted.push(&omission(&self.get(&o.rule), o.count as f64));
        }
        let s = &r.scores;
        report(
            r.score,
            s.politeness,
            s.empathy,
            s.clarity,
            s.control,
            s.compliance,
            &findings,
            &situation,
            &templates,
            &omitted,
        )
    }

    fn finding(&mut self, f: &Finding) -> JsValue {
        let suggestions = Array::new_with_length(f.suggestions.len() as u32);
        for (i, s) in f.suggestions.iter().enumerate() {
            suggestions.set(i as u32, self.get(s));
        }
        finding(
            &self.get(&f.rule),
            &self.get(f.category.id()),
            &self.get(f.severity.as_str()),
            f.start as f64,
            f.end as f64,
            &self.get(&f.message),
            &suggestions,
        )
    }
}
