//! Content digests (sha256) and unambiguous cache keys.

use sha2::{Digest as _, Sha256};

/// A sha256 digest.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Digest(pub [u8; 32]);

impl Digest {
    pub fn of(bytes: &[u8]) -> Digest {
        Digest(Sha256::digest(bytes).into())
    }

    pub fn hex(&self) -> String {
        hex::encode(self.0)
    }
}

impl std::fmt::Debug for Digest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Digest({})", self.hex())
    }
}

impl std::fmt::Display for Digest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.hex())
    }
}

/// Builds a key from typed fields. Every field is length-prefixed, so `("ab", "c")` and
/// `("a", "bc")` give different keys.
pub struct KeyBuilder(Sha256);

impl KeyBuilder {
    /// `domain` names what the key is for (and its layout version).
    pub fn new(domain: &str) -> Self {
        let mut k = KeyBuilder(Sha256::new());
        k = k.bytes(domain.as_bytes());
        k.bytes(crate::VERSION.as_bytes())
    }

    pub fn bytes(mut self, bytes: &[u8]) -> Self {
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn str(self, s: &str) -> Self {
        self.bytes(s.as_bytes())
    }

    pub fn u64(self, v: u64) -> Self {
        self.bytes(&v.to_le_bytes())
    }

    pub fn digest(self, d: &Digest) -> Self {
        self.bytes(&d.0)
    }

    pub fn finish(self) -> Digest {
        Digest(self.0.finalize().into())
    }
}

/// Feeds `std::hash::Hash` values (such as wasmtime's compatibility hash) into sha256.
#[derive(Default)]
pub struct ShaHasher(Sha256);

impl ShaHasher {
    pub fn finish_digest(self) -> Digest {
        Digest(self.0.finalize().into())
    }
}

impl std::hash::Hasher for ShaHasher {
    fn finish(&self) -> u64 {
        let d: [u8; 32] = self.0.clone().finalize().into();
        u64::from_le_bytes(d[..8].try_into().expect("8 bytes"))
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_length_prefixed() {
        let a = KeyBuilder::new("t").str("ab").str("c").finish();
        let b = KeyBuilder::new("t").str("a").str("bc").finish();
        assert_ne!(a, b);
        assert_eq!(a, KeyBuilder::new("t").str("ab").str("c").finish());
    }

    #[test]
    fn digest_of_empty_is_the_known_sha256() {
        assert_eq!(
            Digest::of(b"").hex(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
