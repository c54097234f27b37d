//! Output files that would overwrite an input. `review --out log.csv log.csv` used to replace
//! the log with the report, and `--csv` truncated it before it was read: every output is
//! compared with every input (and with the other outputs) before anything is opened.
//!
//! Two names are the same file when their canonical paths are equal (symlinks, `./x` and `x`,
//! `a/../x`), or, on unix, when both exist and share device and inode (hard links too). A
//! path that doesn't exist yet is resolved through its parent directory (and through a
//! dangling symlink, which creating it would follow). Devices, pipes and sockets (`/dev/null`,
//! `/dev/stdout`) are never in conflict: writing to them destroys no file.

use std::fs;
use std::path::{Path, PathBuf};

/// What a name points to, as far as it can be known before opening it.
#[derive(Debug)]
pub struct Identity {
    /// Canonical (or, for a file not yet created, resolved) path; `None` for stdin.
    path: Option<PathBuf>,
    /// Device and inode of an existing file (unix).
    inode: Option<(u64, u64)>,
    /// A device, pipe, socket or directory: never compared.
    special: bool,
}

impl Identity {
    /// The file behind `path`, which may not exist yet.
    pub fn of(path: &Path) -> Identity {
        match fs::metadata(path) {
            Ok(m) => Identity {
                path: Some(fs::canonicalize(path).unwrap_or_else(|_| resolve(path, 0))),
                inode: inode(&m),
                special: !m.is_file(),
            },
            Err(_) => Identity { path: Some(resolve(path, 0)), inode: None, special: false },
        }
    }

    /// The file standard input is redirected from, if it is one (unix).
    pub fn stdin() -> Option<Identity> {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
            let m = fs::File::from(fd).metadata().ok()?;
            m.is_file().then(|| Identity { path: None, inode: inode(&m), special: false })
        }
        #[cfg(not(unix))]
        None
    }

    pub fn same(&self, other: &Identity) -> bool {
        if self.special || other.special {
            return false;
        }
        if let (Some(a), Some(b)) = (self.inode, other.inode) {
            return a == b;
        }
        matches!((&self.path, &other.path), (Some(a), Some(b)) if a == b)
    }
}

#[cfg(unix)]
fn inode(m: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn inode(_: &fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// The absolute path `path` would be created at: a dangling symlink is followed (creating
/// the file creates its target), the parent directory is canonicalised.
fn resolve(path: &Path, depth: u32) -> PathBuf {
    if depth < 40 {
        if let Ok(target) = fs::read_link(path) {
            let parent = path.parent().unwrap_or(Path::new(""));
            return resolve(&parent.join(target), depth + 1);
        }
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => match fs::canonicalize(parent) {
            Ok(p) => p.join(name),
            Err(_) => absolute,
        },
        _ => absolute,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_one_file_are_the_same() {
        let dir = std::env::temp_dir().join(format!("kefu-paths-{}", std::process::id()));
        fs::create_dir_all(dir.join("sub")).unwrap();
        let log = dir.join("log.csv");
        fs::write(&log, "x").unwrap();
        let id = Identity::of(&log);
        assert!(id.same(&Identity::of(&dir.join("sub/../log.csv"))));
        assert!(id.same(&Identity::of(&dir.join("./log.csv"))));
        assert!(!id.same(&Identity::of(&dir.join("other.csv"))));
        // Not created yet: the same only by name.
        let new = Identity::of(&dir.join("new.html"));
        assert!(new.same(&Identity::of(&dir.join("sub/../new.html"))));
        assert!(!new.same(&id));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&log, dir.join("link.csv")).unwrap();
            fs::hard_link(&log, dir.join("hard.csv")).unwrap();
            std::os::unix::fs::symlink(dir.join("target.html"), dir.join("dangling.html")).unwrap();
            assert!(id.same(&Identity::of(&dir.join("link.csv"))));
            assert!(id.same(&Identity::of(&dir.join("hard.csv"))));
            let dangling = Identity::of(&dir.join("dangling.html"));
            assert!(dangling.same(&Identity::of(&dir.join("target.html"))));
            assert!(!Identity::of(Path::new("/dev/null")).same(&Identity::of(Path::new("/dev/null"))));
        }
        let _ = fs::remove_dir_all(&dir);
    }
}
