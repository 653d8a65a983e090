// PROVISIONAL: replaced by `scripts/benchmark.sh` output before commit.
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

pub trait WeightInfo {
	fn add_validator(v: u32, ) -> Weight;
	fn remove_validator(v: u32, ) -> Weight;
}

pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn add_validator(v: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 1_500).saturating_add(Weight::from_parts(50_000, 32).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn remove_validator(v: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 1_500).saturating_add(Weight::from_parts(50_000, 32).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
}

impl WeightInfo for () {
	fn add_validator(v: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 1_500).saturating_add(Weight::from_parts(50_000, 32).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn remove_validator(v: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 1_500).saturating_add(Weight::from_parts(50_000, 32).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
}
