//! Which shard judges which sample: a partition that depends only on the samples themselves
//! (system, problem, name and source), never on the order the inputs were given in or on the
//! machine, so every shard of a run computes the same split, and `merge` can check it.

use crate::schema::Shard;

/// What a sample is known by, for the partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct SampleId<'a> {
    pub problem: &'a str,
    pub system: &'a str,
    pub name: &'a str,
    /// sha256 of the source, in hex.
    pub sha256: &'a str,
}

/// The 1-based shard of each sample, in the order given, for a run split `count` ways.
///
/// Samples are sorted by problem, then system, name and source, and dealt out in turn. A
/// problem's samples are thus spread over the shards (each shard gets its share of every
/// problem's hard and easy samples), and the shards' sizes differ by one at most.
pub fn assign(samples: &[SampleId<'_>], count: u32) -> Vec<u32> {
    let mut order: Vec<usize> = (0..samples.len()).collect();
    order.sort_by_key(|&i| (samples[i], i));
    let mut shard = vec![0; samples.len()];
    for (position, &i) in order.iter().enumerate() {
        shard[i] = (position as u64 % u64::from(count.max(1))) as u32 + 1;
    }
    shard
}

/// The positions of the samples `shard` judges.
pub fn select(samples: &[SampleId<'_>], shard: Shard) -> Vec<usize> {
    assign(samples, shard.count)
        .into_iter()
        .enumerate()
        .filter(|&(_, s)| s == shard.index)
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(names: &[(&'static str, &'static str)]) -> Vec<SampleId<'static>> {
        names
            .iter()
            .map(|&(problem, name)| SampleId {
                problem,
                system: "s",
                name,
                sha256: "00",
            })
            .collect()
    }

    #[test]
    fn every_sample_is_in_exactly_one_shard_and_shards_are_balanced() {
        let samples = ids(&[
            ("a", "1"),
            ("a", "2"),
            ("a", "3"),
            ("b", "1"),
            ("b", "2"),
            ("c", "1"),
            ("c", "2"),
        ]);
        for count in 1..=9 {
            let mut seen = vec![0; samples.len()];
            let mut sizes = Vec::new();
            for index in 1..=count {
                let picked = select(&samples, Shard { index, count });
                sizes.push(picked.len());
                for i in picked {
                    seen[i] += 1;
                }
            }
            assert!(seen.iter().all(|&n| n == 1), "{count} shards: {seen:?}");
            let (min, max) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
            assert!(max - min <= 1, "{count} shards: sizes {sizes:?}");
        }
    }

    #[test]
    fn the_split_does_not_depend_on_the_input_order() {
        let samples = ids(&[("b", "2"), ("a", "1"), ("c", "1"), ("a", "2"), ("b", "1")]);
        let mut reversed = samples.clone();
        reversed.reverse();
        let forward = assign(&samples, 3);
        let mut backward = assign(&reversed, 3);
        backward.reverse();
        assert_eq!(forward, backward);
        // One problem's samples go to different shards.
        assert_ne!(forward[1], forward[3]);
    }
}
