use crate::{mock::*, Error, Event, SessionLength, Validators};
use frame_support::{
	assert_noop, assert_ok,
	traits::{EstimateNextSessionRotation, Hooks},
	weights::Weight,
};
use pallet_session::{SessionManager, ShouldEndSession};
use sp_runtime::{traits::BadOrigin, BuildStorage, Permill};

fn set() -> Vec<u64> {
	Validators::<Test>::get().into_inner()
}

#[test]
fn genesis_sets_the_initial_validators() {
	new_test_ext().execute_with(|| {
		assert_eq!(set(), GENESIS_VALIDATORS.to_vec());
		assert_eq!(ValidatorSet::validators(), GENESIS_VALIDATORS.to_vec());
	});
}

#[test]
fn root_adds_a_validator() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));
		assert_eq!(set(), vec![1, 2, 3]);
		System::assert_last_event(Event::ValidatorAdded { who: 3 }.into());
	});
}

#[test]
fn root_removes_a_validator() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		assert_eq!(set(), vec![2, 3]);
		System::assert_last_event(Event::ValidatorRemoved { who: 1 }.into());
	});
}

#[test]
fn signed_and_unsigned_origins_cannot_change_the_set() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::add_validator(RuntimeOrigin::signed(1), 3), BadOrigin);
		assert_noop!(ValidatorSet::add_validator(RuntimeOrigin::none(), 3), BadOrigin);
		assert_noop!(ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 2), BadOrigin);
		assert_noop!(ValidatorSet::remove_validator(RuntimeOrigin::none(), 2), BadOrigin);
		assert_eq!(set(), GENESIS_VALIDATORS.to_vec());
	});
}

#[test]
fn adding_a_validator_twice_is_refused() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::AlreadyValidator
		);
	});
}

#[test]
fn removing_a_non_validator_is_refused() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 9),
			Error::<Test>::NotValidator
		);
	});
}

#[test]
fn the_set_is_bounded_by_max_validators() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 4));
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 5),
			Error::<Test>::TooManyValidators
		);
		assert_eq!(set(), vec![1, 2, 3, 4]);
	});
}

#[test]
fn the_last_validators_cannot_be_removed() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 1),
			Error::<Test>::TooFewValidators
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::TooFewValidators
		);
		assert_eq!(set(), GENESIS_VALIDATORS.to_vec());
	});
}

#[test]
fn a_removed_validator_can_be_added_again() {
	new_test_ext().execute_with(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));
		assert_eq!(set(), vec![1, 2, 3]);
	});
}

#[test]
fn every_session_is_planned_with_the_current_set() {
	new_test_ext().execute_with(|| {
		assert_eq!(ValidatorSet::new_session_genesis(0), Some(vec![1, 2]));
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), 3));
		assert_eq!(ValidatorSet::new_session(2), Some(vec![1, 2, 3]));
		System::assert_last_event(Event::ValidatorSetPlanned { session: 2, validators: 3 }.into());
		// Unchanged sets are handed over again, so late session keys are picked up.
		assert_eq!(ValidatorSet::new_session(3), Some(vec![1, 2, 3]));
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 1));
		assert_eq!(ValidatorSet::new_session(4), Some(vec![2, 3]));
	});
}

fn genesis_with(validators: Vec<u64>, session_length: Option<u64>) -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	crate::GenesisConfig::<Test> { initial_validators: validators, session_length }
		.assimilate_storage(&mut storage)
		.unwrap();
	storage.into()
}

/// The blocks in `range` at which a session ends.
fn session_ends(range: core::ops::RangeInclusive<u64>) -> Vec<u64> {
	range.filter(|&n| ValidatorSet::should_end_session(n)).collect()
}

#[test]
fn sessions_end_at_multiples_of_the_default_length() {
	new_test_ext().execute_with(|| {
		assert_eq!(SessionLength::<Test>::get(), DefaultSessionLength::get());
		assert_eq!(session_ends(1..=35), vec![10, 20, 30]);
	});
}

#[test]
fn the_chain_spec_sets_the_session_length() {
	genesis_with(vec![1, 2], Some(4)).execute_with(|| {
		assert_eq!(SessionLength::<Test>::get(), 4);
		assert_eq!(session_ends(1..=13), vec![4, 8, 12]);
	});
}

#[test]
#[should_panic(expected = "genesis session length too short")]
fn genesis_refuses_a_session_shorter_than_the_minimum() {
	genesis_with(vec![1, 2], Some(MinSessionLength::get() - 1));
}

#[test]
fn root_sets_the_session_length_and_the_current_session_ends_at_its_next_multiple() {
	new_test_ext().execute_with(|| {
		System::set_block_number(7);
		assert_ok!(ValidatorSet::set_session_length(RuntimeOrigin::root(), 4));
		System::assert_last_event(Event::SessionLengthSet { length: 4 }.into());
		assert_eq!(SessionLength::<Test>::get(), 4);
		assert_eq!(session_ends(7..=20), vec![8, 12, 16, 20]);
	});
}

#[test]
fn a_session_shorter_than_the_minimum_is_refused() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::set_session_length(RuntimeOrigin::root(), MinSessionLength::get() - 1),
			Error::<Test>::SessionTooShort
		);
		assert_noop!(
			ValidatorSet::set_session_length(RuntimeOrigin::root(), 0),
			Error::<Test>::SessionTooShort
		);
		assert_ok!(ValidatorSet::set_session_length(
			RuntimeOrigin::root(),
			MinSessionLength::get()
		));
	});
}

#[test]
fn only_the_validator_origin_sets_the_session_length() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::set_session_length(RuntimeOrigin::signed(1), 5), BadOrigin);
		assert_noop!(ValidatorSet::set_session_length(RuntimeOrigin::none(), 5), BadOrigin);
		assert_eq!(SessionLength::<Test>::get(), DefaultSessionLength::get());
	});
}

#[test]
fn a_zero_length_written_around_the_pallet_ends_no_session() {
	new_test_ext().execute_with(|| {
		SessionLength::<Test>::put(0);
		assert!(session_ends(0..=20).is_empty());
		assert_eq!(ValidatorSet::estimate_next_session_rotation(5).0, None);
		assert_eq!(ValidatorSet::estimate_current_session_progress(5).0, None);
	});
}

#[test]
fn rotations_are_estimated_from_the_session_length() {
	new_test_ext().execute_with(|| {
		assert_eq!(ValidatorSet::average_session_length(), 10);
		assert_eq!(ValidatorSet::estimate_next_session_rotation(13).0, Some(20));
		assert_eq!(ValidatorSet::estimate_next_session_rotation(20).0, Some(20));
		// Block 13 is the fourth block of the session that started after block 10.
		assert_eq!(
			ValidatorSet::estimate_current_session_progress(13).0,
			Some(Permill::from_percent(40))
		);
		assert_eq!(
			ValidatorSet::estimate_current_session_progress(19).0,
			Some(Permill::from_percent(100))
		);
	});
}

#[test]
fn the_session_check_each_block_is_counted() {
	new_test_ext().execute_with(|| {
		let read = <Test as frame_system::Config>::DbWeight::get().reads(1);
		assert_ne!(read, Weight::zero());
		assert_eq!(ValidatorSet::on_initialize(5), read);
	});
}

#[test]
#[should_panic(expected = "duplicate genesis validator")]
fn genesis_refuses_duplicates() {
	genesis_with(vec![1, 2, 1], None);
}

#[test]
#[should_panic(expected = "more genesis validators than MaxValidators")]
fn genesis_refuses_too_many_validators() {
	genesis_with(vec![1, 2, 3, 4, 5], None);
}
