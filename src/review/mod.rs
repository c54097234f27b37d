//! Batch review (复盘) of exported chat logs. (Being built.)
