//! fuelgauge's one pseudo-random number generator: the bootstrap's draws and the guest's
//! `random_get` bytes.
//!
//! Published confidence intervals and every program's randomness must be bit-reproducible:
//! the same input and seed give the same interval, and the same bytes to a guest, on every
//! platform, with every thread count and with every version of our dependencies. We therefore do not use an external RNG crate (whose streams may change between
//! releases) but implement two well-known generators by Sebastiano Vigna, using only wrapping
//! 64-bit integer arithmetic (identical on every platform Rust supports):
//!
//! * **SplitMix64** (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators"):
//!   a Weyl sequence `x += 0x9E3779B97F4A7C15` passed through the finaliser
//!   `z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
//!   z ^ (z >> 31)`. Used for seeding and for deriving stream keys.
//! * **xoshiro256\*\*** (Blackman & Vigna 2021, "Scrambled linear pseudorandom number
//!   generators"): 256 bits of state, output `rotl(s1 * 5, 7) * 9`. Used for the draws.
//!
//! # Streams
//!
//! Bootstrap resample `b` draws from its own generator, whose state depends only on
//! `(seed, domain, b)` — see [`Xoshiro256StarStar::for_stream`] — so resamples can be computed
//! in any order, on any number of threads, with identical results. `domain` separates
//! independent uses of the same seed (problem resampling vs. sign flips).
//!
//! # Bounded integers
//!
//! [`Xoshiro256StarStar::below`] maps a 64-bit draw `x` to `[0, n)` with Lemire's
//! multiply-and-shift method (`(x · n) >> 64` in 128-bit arithmetic), rejecting the few draws
//! whose low half falls below `2^64 mod n`, so every index is exactly equally likely.

/// The SplitMix64 increment (the odd integer closest to 2^64 / φ).
const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 output function (Stafford's "Mix13" variant of the MurmurHash3 finaliser).
///
/// A bijection on `u64`, so distinct inputs give distinct outputs.
pub(crate) const fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// SplitMix64: a 64-bit state advanced by a Weyl sequence and scrambled by [`mix64`].
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator whose first output is `mix64(seed + GOLDEN_GAMMA)`.
    pub(crate) const fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64-bit output.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        mix64(self.state)
    }
}

/// xoshiro256\*\*: a fast all-purpose generator with 256 bits of state and period 2^256 − 1.
#[derive(Debug, Clone)]
pub(crate) struct Xoshiro256StarStar {
    s: [u64; 4],
}

impl Xoshiro256StarStar {
    /// The generator whose state is the first four outputs of `SplitMix64::new(seed)`.
    ///
    /// This is the seeding recommended by the xoshiro authors; the four outputs are distinct
    /// (SplitMix64 is a permutation of its counter), so the state is never all zero.
    pub(crate) fn seed_from_u64(seed: u64) -> Self {
        let mut sm = SplitMix64::new(seed);
        Self {
            s: [sm.next_u64(), sm.next_u64(), sm.next_u64(), sm.next_u64()],
        }
    }

    /// The generator for stream `index` of `domain` under the user's `seed`.
    ///
    /// Its SplitMix64 seed is `mix64(mix64(seed ^ domain) ^ index)`, a function of the three
    /// arguments only; in particular, not of the thread that computes it.
    pub(crate) fn for_stream(seed: u64, domain: u64, index: u64) -> Self {
        Self::seed_from_u64(mix64(mix64(seed ^ domain) ^ index))
    }

    /// The next 64-bit output.
    pub(crate) fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A uniformly distributed integer in `[0, n)`; `n` must be positive.
    ///
    /// Lemire (2019), "Fast random integer generation in an interval": the high half of the
    /// 128-bit product `x · n` is the candidate; draws whose low half is below `2^64 mod n`
    /// are rejected, which removes the bias exactly.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        assert!(n > 0, "below(0) has no valid output");
        let threshold = n.wrapping_neg() % n; // 2^64 mod n
        loop {
            let product = u128::from(self.next_u64()) * u128::from(n);
            // Keeping only the low 64 bits of the product is intended.
            let low = product as u64;
            if low >= threshold {
                return (product >> 64) as u64;
            }
        }
    }

    /// Fills `buf` with the stream's bytes, each draw little-endian (the guest's `random_get`).
    pub(crate) fn fill(&mut self, buf: &mut [u8]) {
        for chunk in buf.chunks_mut(8) {
            let bytes = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
    }

    /// A uniformly distributed index in `[0, n)`; `n` must be positive.
    pub(crate) fn index_below(&mut self, n: usize) -> usize {
        let n64 = u64::try_from(n).expect("usize fits in u64 on supported platforms");
        usize::try_from(self.below(n64)).expect("a value below a usize fits in usize")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_reference_vector() {
        // First outputs of Vigna's splitmix64.c seeded with 1234567 (also the test vector of
        // the `rand_xoshiro` crate).
        let mut sm = SplitMix64::new(1_234_567);
        let expected = [
            6_457_827_717_110_365_317_u64,
            3_203_168_211_198_807_973,
            9_817_491_932_198_370_423,
            4_593_380_528_125_082_431,
            16_408_922_859_458_223_821,
        ];
        for e in expected {
            assert_eq!(sm.next_u64(), e);
        }
    }

    #[test]
    fn xoshiro256starstar_matches_reference_vector() {
        // Outputs of Vigna's xoshiro256starstar.c from the state [1, 2, 3, 4].
        let mut rng = Xoshiro256StarStar { s: [1, 2, 3, 4] };
        let expected = [
            11_520_u64,
            0,
            1_509_978_240,
            1_215_971_899_390_074_240,
            1_216_172_134_540_287_360,
            607_988_272_756_665_600,
            16_172_922_978_634_559_625,
            8_476_171_486_693_032_832,
            10_595_114_339_597_558_777,
            2_904_607_092_377_533_576,
        ];
        for e in expected {
            assert_eq!(rng.next_u64(), e);
        }
    }

    #[test]
    fn streams_are_deterministic_and_distinct() {
        const A: u64 = 0x7265_7361_6d70_6c65;
        const B: u64 = 0x7369_676e_666c_6970;
        let first = |domain, index| {
            let mut r = Xoshiro256StarStar::for_stream(42, domain, index);
            (0..4).map(|_| r.next_u64()).collect::<Vec<u64>>()
        };
        assert_eq!(first(A, 7), first(A, 7));
        assert_ne!(first(A, 7), first(A, 8));
        assert_ne!(first(A, 7), first(B, 7));
    }

    #[test]
    fn guest_bytes_are_stable_across_versions() {
        // Guards the guest's stream itself: changing it changes every Python program's hash
        // seed, and so every cached result.
        let mut r = Xoshiro256StarStar::seed_from_u64(0);
        assert_eq!(r.next_u64(), 0x99EC_5F36_CB75_F2B4);
        let (mut x, mut y, mut z) = ([0u8; 37], [0u8; 37], [0u8; 37]);
        Xoshiro256StarStar::seed_from_u64(7).fill(&mut x);
        Xoshiro256StarStar::seed_from_u64(7).fill(&mut y);
        Xoshiro256StarStar::seed_from_u64(8).fill(&mut z);
        assert_eq!(x, y);
        assert_ne!(x, z);
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut rng = Xoshiro256StarStar::seed_from_u64(3);
        let mut seen = [0_u32; 7];
        for _ in 0..7_000 {
            let v = rng.index_below(7);
            assert!(v < 7);
            seen[v] += 1;
        }
        // Each bucket expects 1000; a fair generator lands within ±200 with overwhelming
        // probability (about 6.9 standard deviations).
        for count in seen {
            assert!((800..=1200).contains(&count), "bucket count {count}");
        }
        assert_eq!(rng.below(1), 0);
    }
}
