//! Lineage walks: the ancestors or descendants of a DAT, breadth first, bounded by a depth and by
//! [`Config::MaxLineageNodes`]. Descendants come from the `Children` index, so no walk scans
//! all DATs.

use crate::{Children, Config, Dats};
use alloc::{collections::BTreeSet, vec, vec::Vec};
use frame_support::traits::Get;
use lazai_primitives::dat::{DatId, Derivation, Lineage, LineageDirection, LineageEdge};

/// The lineage of `start` in `direction`, up to `max_depth` derivation steps; `None` if `start`
/// does not exist. `truncated` says whether the depth or node limit cut the walk short.
pub fn lineage_of<T: Config>(
	start: DatId,
	direction: LineageDirection,
	max_depth: u32,
) -> Option<Lineage> {
	if !Dats::<T>::contains_key(start) {
		return None;
	}
	let limit = T::MaxLineageNodes::get().max(1) as usize;
	let mut lineage = Lineage { nodes: vec![(start, 0)], edges: Vec::new(), truncated: false };
	let mut seen = BTreeSet::from([start]);
	let mut next = 0;
	'walk: while let Some(&(dat, depth)) = lineage.nodes.get(next) {
		next += 1;
		let neighbours = neighbours_of::<T>(dat, direction, limit);
		if neighbours.is_empty() {
			continue;
		}
		if depth >= max_depth {
			lineage.truncated = true;
			continue;
		}
		for (other, how) in neighbours {
			if !seen.contains(&other) {
				if lineage.nodes.len() >= limit {
					lineage.truncated = true;
					break 'walk;
				}
				seen.insert(other);
				lineage.nodes.push((other, depth + 1));
			}
			let (child, parent) = match direction {
				LineageDirection::Ancestors => (dat, other),
				LineageDirection::Descendants => (other, dat),
			};
			lineage.edges.push(LineageEdge { child, parent, how });
		}
	}
	Some(lineage)
}

/// The DATs one step away from `dat`: its parents in their order, or at most `limit` of its
/// children by id.
fn neighbours_of<T: Config>(
	dat: DatId,
	direction: LineageDirection,
	limit: usize,
) -> Vec<(DatId, Derivation)> {
	match direction {
		LineageDirection::Ancestors => {
			Dats::<T>::get(dat).map(|info| info.parents.into_inner()).unwrap_or_default()
		},
		LineageDirection::Descendants => {
			let mut children: Vec<_> = Children::<T>::iter_prefix(dat).take(limit).collect();
			children.sort_by_key(|(child, _)| *child);
			children
		},
	}
}
