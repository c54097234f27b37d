//! Typed errors. Each says what is wrong and where, in words a person can act on.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// A configuration field is wrong.
    Config { field: String, message: String },
    /// An entry of a team rule pack is wrong.
    Pack { pack: String, entry: Option<usize>, field: String, message: String },
    /// An entry of a team phrasebook is wrong (`crate::phrasebook`).
    Phrasebook { book: String, entry: Option<usize>, field: String, message: String },
    /// A check request is wrong (e.g. an unknown platform).
    Request { field: String, message: String },
}

impl Error {
    pub fn config(field: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Config { field: field.into(), message: message.into() }
    }

    pub fn request(field: impl Into<String>, message: impl Into<String>) -> Error {
        Error::Request { field: field.into(), message: message.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Config { field, message } => write!(f, "配置错误 ({field}): {message}"),
            Error::Request { field, message } => write!(f, "请求错误 ({field}): {message}"),
            Error::Pack { pack, entry: Some(i), field, message } => {
                write!(f, "规则包 “{pack}” 第 {i} 条 ({field}): {message}")
            }
            Error::Pack { pack, entry: None, field, message } => {
                write!(f, "规则包 “{pack}” ({field}): {message}")
            }
            Error::Phrasebook { book, entry: Some(i), field, message } => {
                write!(f, "话术库 “{book}” 第 {i} 条 ({field}): {message}")
            }
            Error::Phrasebook { book, entry: None, field, message } => {
                write!(f, "话术库 “{book}” ({field}): {message}")
            }
        }
    }
}

impl std::error::Error for Error {}
