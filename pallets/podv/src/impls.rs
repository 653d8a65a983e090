//! The signals other pallets send (uses through `OnDatUse`, verified evaluations through
//! `OnVerifiedEvaluation`) and the runtime API's reads.

use crate::{pallet::*, scoring, BalanceOf, WeightInfo};
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::Get};
use lazai_primitives::{
	dat::{DatId, DatInspect, OnDatUse},
	models::ModelRegistry,
	podv::{EpochIndex, EpochView, ValueView},
	verified::{OnVerifiedEvaluation, VerifiedEvaluation, SCORE_SCALE},
};
use sp_runtime::{traits::Saturating, SaturatedConversion};

impl<T: Config> Pallet<T> {
	/// Credit a verified evaluation's gain over the model's base model to the training data
	/// the base did not use. Only a gain beyond what was credited for this model and benchmark
	/// counts, so repeating an evaluation adds nothing. Returns the weight used.
	pub(crate) fn credit_improvement(evaluation: &VerifiedEvaluation<T::AccountId>) -> Weight {
		let nothing = T::WeightInfo::credit_improvement(0);
		let model = evaluation.model;
		let Some((benchmark, higher_is_better)) =
			T::Models::benchmark(&evaluation.circuit, evaluation.dataset)
		else {
			return nothing;
		};
		let Some(training) = T::Models::training_data(model) else { return nothing };
		let base = T::Models::base_model(model);
		let baseline = base
			.and_then(|base| T::Models::latest_score(base, benchmark))
			.unwrap_or(if higher_is_better { 0 } else { SCORE_SCALE });
		let improvement = if higher_is_better {
			evaluation.score.saturating_sub(baseline)
		} else {
			baseline.saturating_sub(evaluation.score)
		};
		let credited = Credited::<T>::get(model, benchmark);
		if improvement <= credited {
			return nothing;
		}
		let base_data = base.and_then(T::Models::training_data).unwrap_or_default();
		let dats: Vec<DatId> = training
			.into_iter()
			.filter(|dat| !base_data.contains(dat) && T::Dat::exists(*dat))
			.take(T::MaxCreditedDats::get() as usize)
			.collect();
		if dats.is_empty() {
			return nothing;
		}
		Credited::<T>::insert(model, benchmark, improvement);
		let gain = improvement - credited;
		let count = dats.len() as u32;
		let (each, mut remainder) = (gain / count, gain % count);
		for dat in &dats {
			let share = each + core::mem::take(&mut remainder);
			let mut value = Self::value_of(*dat);
			value.improvement =
				scoring::add_improvement(value.improvement, share, T::ImprovementScale::get());
			Self::revalue(*dat, value);
		}
		Self::deposit_event(Event::ImprovementCredited {
			model,
			benchmark,
			improvement: gain,
			dats,
		});
		T::WeightInfo::credit_improvement(count)
	}

	/// Count a use of `dat`; revenue from a payer holding none of its shares feeds the usage
	/// signal. Returns the weight it took: the benchmark's for the parents it revalued.
	pub(crate) fn record_use(
		dat: DatId,
		payer: &T::AccountId,
		uses: u64,
		paid: BalanceOf<T>,
	) -> Weight {
		let mut value = Self::value_of(dat);
		value.uses = value.uses.saturating_add(uses);
		if !paid.is_zero() && T::Dat::shares_of(dat, payer) == 0 {
			value.usage_revenue = value.usage_revenue.saturating_add(paid);
			value.usage = scoring::usage_signal(
				value.usage_revenue.saturated_into(),
				T::UsageSaturation::get().saturated_into(),
			);
		}
		T::WeightInfo::record_use(Self::revalue(dat, value))
	}

	/// A DAT's value as the runtime API shows it.
	pub fn value_view(dat: DatId) -> Option<ValueView<BalanceOf<T>>> {
		let value = Values::<T>::get(dat)?;
		Some(ValueView {
			dat,
			score: value.score(),
			own: value.own,
			inherited: value.inherited,
			improvement: value.improvement,
			quality: value.quality,
			usage: value.usage,
			uses: value.uses,
			usage_revenue: value.usage_revenue,
			attested: value.attested,
			attestations: Attestations::<T>::decode_len(dat).unwrap_or(0) as u32,
		})
	}

	/// The Total Data Value: the sum of every DAT's score.
	pub fn total_data_value() -> u128 {
		TotalDataValue::<T>::get()
	}

	/// The `n` DATs of highest score, highest first.
	pub fn top(n: u32) -> Vec<(DatId, u64)> {
		Top::<T>::get().into_iter().take(n as usize).collect()
	}

	/// An epoch as the runtime API shows it.
	pub fn epoch_view(
		epoch: EpochIndex,
	) -> Option<EpochView<BalanceOf<T>, frame_system::pallet_prelude::BlockNumberFor<T>>> {
		Epochs::<T>::get(epoch).map(|record| EpochView {
			epoch,
			started_at: record.started_at,
			completed_at: record.completed_at,
			total_value: record.total_value,
			budget: record.budget,
			paid: record.paid,
			unpaid: record.unpaid,
			dats_paid: record.dats_paid,
		})
	}
}

impl<T: Config> OnDatUse<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn on_use(dat: DatId, payer: &T::AccountId, uses: u64, paid: BalanceOf<T>) -> Weight {
		Self::record_use(dat, payer, uses, paid)
	}

	/// A paid use by a non-holder, whose change of value reaches the most parents.
	fn weight() -> Weight {
		T::WeightInfo::record_use(T::MaxParents::get())
	}
}

impl<T: Config> OnVerifiedEvaluation<T::AccountId> for Pallet<T> {
	fn on_verified_evaluation(evaluation: &VerifiedEvaluation<T::AccountId>) -> Weight {
		Self::credit_improvement(evaluation)
	}

	/// An improvement credited to the most DATs, each passing its change to the most parents.
	fn weight() -> Weight {
		T::WeightInfo::credit_improvement(T::MaxCreditedDats::get())
	}
}
