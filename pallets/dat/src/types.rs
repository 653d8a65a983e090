//! The records this pallet stores.

use crate::{BalanceOf, Config};
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use lazai_primitives::dat::{AccessTerms, DatId, DataKind, Derivation, ProofKind, UsagePolicy};
use scale_info::TypeInfo;
use sp_core::H256;

/// A DAT's usage policy, with this runtime's types.
pub type PolicyOf<T> = UsagePolicy<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxAllowed,
>;

/// Access terms granted to one consumer, with this runtime's types.
pub type AccessTermsOf<T> = AccessTerms<BalanceOf<T>, BlockNumberFor<T>>;

/// The parents of a DAT and how it was derived from each.
pub type ParentsOf<T> = BoundedVec<(DatId, Derivation), <T as Config>::MaxParents>;

/// Where a piece of data lives.
pub type UriOf<T> = BoundedVec<u8, <T as Config>::MaxUriLen>;

/// An anchored piece of data.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct DatInfo<T: Config> {
	/// The 32-byte digest of the data.
	pub content_hash: H256,
	/// Where the data lives.
	pub uri: UriOf<T>,
	/// What the data is.
	pub kind: DataKind,
	/// The account that anchored it.
	pub creator: T::AccountId,
	/// The account that sets its policy, attaches proofs and may retire it.
	pub controller: T::AccountId,
	/// The block it was anchored in.
	pub anchored_at: BlockNumberFor<T>,
	/// The DATs it was derived from, and how.
	pub parents: ParentsOf<T>,
	/// How many live DATs name it as a parent.
	pub children: u32,
	/// Its usage policy.
	pub policy: PolicyOf<T>,
	/// Uses recorded.
	pub uses: u64,
	/// Uses paid for plus credits bought; the policy's cap counts these.
	pub uses_sold: u64,
	/// Frozen by the freeze origin: no use, derivation or change until unfrozen.
	pub frozen: bool,
	/// Who holds the storage deposit for this DAT, its proofs and its lineage links, and how much.
	pub deposit: (T::AccountId, BalanceOf<T>),
}

/// A proof attached to a DAT.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct DatProof<T: Config> {
	/// What the proof is.
	pub kind: ProofKind,
	/// For a ZK proof the verified statement; otherwise the hash of the report.
	pub reference: H256,
	/// Where the report lives (may be empty).
	pub uri: UriOf<T>,
	/// True only for a ZK proof whose statement the chain verified.
	pub verified: bool,
	/// The block it was attached in.
	pub attached_at: BlockNumberFor<T>,
}

/// One consumer's record on one DAT.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct ConsumerRecord<T: Config> {
	/// Uses so far.
	pub uses: u64,
	/// Credits bought or received and not yet spent.
	pub credits: u64,
	/// Who paid the deposit for this record, and how much.
	pub deposit: (T::AccountId, BalanceOf<T>),
}

/// Access to a DAT granted to one consumer on its own terms.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Grant<T: Config> {
	/// The price and expiry the grantee uses the DAT on.
	pub terms: AccessTermsOf<T>,
	/// Who paid the deposit for this grant, and how much.
	pub deposit: (T::AccountId, BalanceOf<T>),
}
