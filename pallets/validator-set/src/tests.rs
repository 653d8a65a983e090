use crate::{mock::*, Error, Event, Validators};
use frame_support::{assert_noop, assert_ok};
use pallet_session::SessionManager;
use sp_runtime::{traits::BadOrigin, BuildStorage};

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

fn genesis_with(validators: Vec<u64>) -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	crate::GenesisConfig::<Test> { initial_validators: validators }
		.assimilate_storage(&mut storage)
		.unwrap();
	storage.into()
}

#[test]
#[should_panic(expected = "duplicate genesis validator")]
fn genesis_refuses_duplicates() {
	genesis_with(vec![1, 2, 1]);
}

#[test]
#[should_panic(expected = "more genesis validators than MaxValidators")]
fn genesis_refuses_too_many_validators() {
	genesis_with(vec![1, 2, 3, 4, 5]);
}
