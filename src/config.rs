//! Platform presets and the coach's configuration.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::finding::Category;
use crate::packs::Pack;

/// The platform whose house style the reply should follow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    /// Taobao/Tmall: the guides' own style (亲 is normal, a little emoji is fine).
    #[default]
    Taobao,
    /// JD.com: more formal; 您 over 亲.
    Jd,
    /// Pinduoduo: like Taobao.
    Pdd,
    /// Douyin shops: the liveliest; more emoji tolerated.
    Douyin,
    /// Any other console: neutral business Chinese; 亲 is too casual.
    Generic,
}

impl Platform {
    pub const ALL: [Platform; 5] = [Platform::Taobao, Platform::Jd, Platform::Pdd, Platform::Douyin, Platform::Generic];

    pub fn id(self) -> &'static str {
        match self {
            Platform::Taobao => "taobao",
            Platform::Jd => "jd",
            Platform::Pdd => "pdd",
            Platform::Douyin => "douyin",
            Platform::Generic => "generic",
        }
    }

    pub fn parse(s: &str) -> Result<Platform, Error> {
        let t = s.trim().to_ascii_lowercase();
        Platform::ALL
            .into_iter()
            .find(|p| p.id() == t)
            .ok_or_else(|| Error::config("platform", format!("未知平台 “{s}”,可选 taobao、jd、pdd、douyin、generic")))
    }

    /// Whether 亲 is a normal way to address the customer here.
    pub fn qin_is_normal(self) -> bool {
        matches!(self, Platform::Taobao | Platform::Pdd | Platform::Douyin)
    }

    /// The longest run of emoji that still reads as friendly, and the most in one reply.
    pub fn emoji_tolerance(self) -> (usize, usize) {
        match self {
            Platform::Douyin => (2, 4),
            Platform::Taobao | Platform::Pdd => (1, 2),
            Platform::Jd | Platform::Generic => (1, 1),
        }
    }

    /// How to greet on this platform.
    pub fn greeting(self) -> &'static str {
        if self.qin_is_normal() {
            "亲,您好!很高兴为您服务。"
        } else {
            "您好,很高兴为您服务!"
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// What a team sets once: the default platform, what to switch off, its own phrases.
///
/// JSON: `{"platform": "jd", "disabled_rules": ["vague.hedge"], "disabled_categories":
/// ["jargon"], "packs": [{...}], "phrasebook": {...}, "season": "promo"}`. camelCase spellings are accepted too.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub platform: Option<String>,
    #[serde(default, alias = "disabledRules")]
    pub disabled_rules: Vec<String>,
    #[serde(default, alias = "disabledCategories")]
    pub disabled_categories: Vec<String>,
    #[serde(default)]
    pub packs: Vec<Pack>,
    /// The team's phrasebook (`crate::phrasebook`); its templates take precedence.
    #[serde(default)]
    pub phrasebook: Option<serde_json::Value>,
    /// `promo` (大促) or `peak` (售后高峰): that season's templates first.
    #[serde(default)]
    pub season: Option<String>,
}

impl Config {
    /// Parse a configuration from JSON, with errors that name the field.
    pub fn from_json(json: &str) -> Result<Config, Error> {
        serde_json::from_str(json).map_err(|e| Error::config("config", e.to_string()))
    }

    /// The season, if set: `promo` or `peak`.
    pub fn season(&self) -> Result<Option<crate::phrasebook::Season>, Error> {
        match self.season.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(s) => crate::phrasebook::Season::parse(s)
                .map(Some)
                .ok_or_else(|| Error::config("season", format!("未知时段 “{s}”,可选 promo(大促)、peak(售后高峰)"))),
        }
    }

    pub fn categories(&self) -> Result<Vec<Category>, Error> {
        self.disabled_categories
            .iter()
            .map(|c| Category::parse(c).ok_or_else(|| Error::config("disabled_categories", format!("未知类别 “{c}”"))))
            .collect()
    }
}
