//! Data Anchoring Tokens (DAT): the types every pallet uses to talk about anchored data, and the
//! traits through which other pallets read DATs, record uses and pay DAT holders.
//!
//! `pallet-dat` implements the traits; PoDV, model staking, iDAO and agent pallets use only them.

use alloc::{string::String, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use scale_info::TypeInfo;
use sp_core::{Get, H256};
use sp_runtime::{BoundedVec, DispatchResult, Perbill, Weight};

/// The id of a DAT, given in order of anchoring, starting at 0.
pub type DatId = u64;
/// The id of a registered model.
pub type ModelId = u64;
/// The id of a registered agent.
pub type AgentId = u64;
/// The id of an iDAO.
pub type IdaoId = u32;

/// What a piece of anchored data is.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum DataKind {
	/// A dataset: training, evaluation or any other collection of records.
	Dataset,
	/// Labels or annotations on other data.
	Annotation,
	/// Human or model feedback (ratings, preferences, corrections).
	Feedback,
	/// Trained model weights.
	ModelWeights,
	/// Anything else.
	Other,
}

/// How a DAT was derived from one of its parents.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Derivation {
	/// A subset of the parent's records.
	Subset,
	/// The parent's records, transformed (cleaned, filtered, re-encoded).
	Transform,
	/// The parent merged with other data.
	Merge,
	/// Annotations made on the parent.
	Annotation,
	/// A new version of the parent.
	NewVersion,
}

/// Who uses a DAT: an account, or a model, agent or iDAO acting through an account it authorises.
#[derive(
	Clone,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum Consumer<AccountId> {
	/// An account, acting for itself.
	Account(AccountId),
	/// A registered model.
	Model(ModelId),
	/// A registered agent.
	Agent(AgentId),
	/// An iDAO.
	Idao(IdaoId),
}

/// Who may use a DAT.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(MaxAllowed))]
pub enum Access<AccountId, MaxAllowed: Get<u32>> {
	/// Any consumer.
	Anyone,
	/// Only the consumers listed.
	AllowList(BoundedVec<Consumer<AccountId>, MaxAllowed>),
}

/// The terms under which a DAT may be used; its controller sets them.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(MaxAllowed))]
pub struct UsagePolicy<AccountId, Balance, BlockNumber, MaxAllowed: Get<u32>> {
	/// Who may use the data.
	pub access: Access<AccountId, MaxAllowed>,
	/// What one use costs, paid to the holders (and, through the royalty, to the parents).
	pub price: Balance,
	/// The most uses ever sold (uses paid for plus credits bought); `None` for no cap.
	pub max_uses: Option<u64>,
	/// The last block at which the data may be used or credits bought; `None` for never.
	pub expires_at: Option<BlockNumber>,
	/// Whether new DATs may name this one as a parent.
	pub derivation_allowed: bool,
	/// The fraction of every payment that goes to the parents' revenue pools, split equally.
	pub royalty: Perbill,
}

// `Clone`, `PartialEq`, `Eq` and `Debug` by hand: derived ones would also demand them of the
// `MaxAllowed` bound, which is only a type-level number.
impl<AccountId: Clone, MaxAllowed: Get<u32>> Clone for Access<AccountId, MaxAllowed> {
	fn clone(&self) -> Self {
		match self {
			Self::Anyone => Self::Anyone,
			Self::AllowList(list) => Self::AllowList(list.clone()),
		}
	}
}

impl<AccountId: PartialEq, MaxAllowed: Get<u32>> PartialEq for Access<AccountId, MaxAllowed> {
	fn eq(&self, other: &Self) -> bool {
		match (self, other) {
			(Self::Anyone, Self::Anyone) => true,
			(Self::AllowList(a), Self::AllowList(b)) => a.as_slice() == b.as_slice(),
			_ => false,
		}
	}
}

impl<AccountId: Eq, MaxAllowed: Get<u32>> Eq for Access<AccountId, MaxAllowed> {}

impl<AccountId: Debug, MaxAllowed: Get<u32>> Debug for Access<AccountId, MaxAllowed> {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::Anyone => f.write_str("Anyone"),
			Self::AllowList(list) => f.debug_tuple("AllowList").field(&list.as_slice()).finish(),
		}
	}
}

impl<AccountId: Clone, Balance: Clone, BlockNumber: Clone, MaxAllowed: Get<u32>> Clone
	for UsagePolicy<AccountId, Balance, BlockNumber, MaxAllowed>
{
	fn clone(&self) -> Self {
		Self {
			access: self.access.clone(),
			price: self.price.clone(),
			max_uses: self.max_uses,
			expires_at: self.expires_at.clone(),
			derivation_allowed: self.derivation_allowed,
			royalty: self.royalty,
		}
	}
}

impl<AccountId: PartialEq, Balance: PartialEq, BlockNumber: PartialEq, MaxAllowed: Get<u32>>
	PartialEq for UsagePolicy<AccountId, Balance, BlockNumber, MaxAllowed>
{
	fn eq(&self, other: &Self) -> bool {
		self.access == other.access
			&& self.price == other.price
			&& self.max_uses == other.max_uses
			&& self.expires_at == other.expires_at
			&& self.derivation_allowed == other.derivation_allowed
			&& self.royalty == other.royalty
	}
}

impl<AccountId: Eq, Balance: Eq, BlockNumber: Eq, MaxAllowed: Get<u32>> Eq
	for UsagePolicy<AccountId, Balance, BlockNumber, MaxAllowed>
{
}

impl<AccountId: Debug, Balance: Debug, BlockNumber: Debug, MaxAllowed: Get<u32>> Debug
	for UsagePolicy<AccountId, Balance, BlockNumber, MaxAllowed>
{
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.debug_struct("UsagePolicy")
			.field("access", &self.access)
			.field("price", &self.price)
			.field("max_uses", &self.max_uses)
			.field("expires_at", &self.expires_at)
			.field("derivation_allowed", &self.derivation_allowed)
			.field("royalty", &self.royalty)
			.finish()
	}
}

impl<AccountId, Balance: Default, BlockNumber, MaxAllowed: Get<u32>> Default
	for UsagePolicy<AccountId, Balance, BlockNumber, MaxAllowed>
{
	/// Free for anyone, no cap, no expiry, derivation allowed, no royalty.
	fn default() -> Self {
		Self {
			access: Access::Anyone,
			price: Balance::default(),
			max_uses: None,
			expires_at: None,
			derivation_allowed: true,
			royalty: Perbill::zero(),
		}
	}
}

/// What a proof attached to a DAT is.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum ProofKind {
	/// A zero-knowledge proof checked on chain; its reference is the statement the verified
	/// computing pallet recorded.
	ZkProof,
	/// A TEE attestation report, stored as its hash and location; not checked on chain.
	TeeReport,
	/// Any other attestation, stored as its hash and location; not checked on chain.
	Attestation,
}

/// Which direction a lineage walk goes.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum LineageDirection {
	/// Towards the data a DAT was derived from.
	Ancestors,
	/// Towards the data derived from a DAT.
	Descendants,
}

/// One derivation edge of a lineage graph: `child` was derived from `parent` by `how`.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct LineageEdge {
	/// The data derived.
	pub child: DatId,
	/// The data it was derived from.
	pub parent: DatId,
	/// How it was derived.
	pub how: Derivation,
}

/// The lineage graph around a DAT, as far as a walk went.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Default)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct Lineage {
	/// Every DAT reached, the starting one first, each with its distance from the start.
	pub nodes: Vec<(DatId, u32)>,
	/// The derivation edges between the nodes.
	pub edges: Vec<LineageEdge>,
	/// True when the walk stopped at the node limit or the depth limit before the graph ended.
	pub truncated: bool,
}

/// Reads DATs: what other pallets may know of one.
pub trait DatInspect<AccountId> {
	/// Whether the DAT exists (anchored and not retired).
	fn exists(dat: DatId) -> bool;
	/// The account that controls the DAT's policy and life cycle.
	fn controller(dat: DatId) -> Option<AccountId>;
	/// What the data is.
	fn kind(dat: DatId) -> Option<DataKind>;
	/// The DATs it was derived from.
	fn parents(dat: DatId) -> Vec<DatId>;
	/// The shares `who` holds of the DAT (out of [`DatInspect::total_shares`]).
	fn shares_of(dat: DatId, who: &AccountId) -> u128;
	/// The number of shares every DAT has.
	fn total_shares() -> u128;
	/// The number of uses recorded for the DAT.
	fn uses(dat: DatId) -> u64;
}

/// Records uses of DATs on behalf of other pallets (which take any payment themselves).
pub trait DatUsage<AccountId> {
	/// Record one use of `dat` by `consumer`. The DAT's access list, cap and expiry apply; a
	/// consumer's first use holds a record deposit from `payer`.
	fn record_use(dat: DatId, consumer: &Consumer<AccountId>, payer: &AccountId) -> DispatchResult;
}

/// Records paid uses of DATs on behalf of other pallets (a model trained on data pays for it).
pub trait DatPaidUsage<AccountId, Balance> {
	/// Record one use of `dat` by `consumer`, paid by `payer` at the policy's price if it is at
	/// most `max_price` (a credit the consumer holds is spent instead). The DAT's access list,
	/// cap and expiry apply; a consumer's first use holds a record deposit from `payer`.
	fn use_paid(
		dat: DatId,
		consumer: &Consumer<AccountId>,
		payer: &AccountId,
		max_price: Balance,
	) -> DispatchResult;
}

/// Pays into DATs' revenue pools, to be shared among holders and up the lineage.
pub trait DatRevenue<AccountId, Balance> {
	/// Move `amount` from `from` into the revenue pool of `dat`.
	fn pay(from: &AccountId, dat: DatId, amount: Balance) -> DispatchResult;
}

/// Hears of every recorded use of a DAT and every purchase of credits: PoDV scores data by its
/// paid usage. The DAT pallet calls it after the use or purchase is stored.
pub trait OnDatUse<AccountId, Balance> {
	/// `payer` paid `paid` for `uses` uses of `dat` (zero for a free use, a use recorded by
	/// another pallet or a spent credit; zero uses for a purchase of credits). Returns the
	/// weight it took, at most [`Self::weight`]: the calls that use a DAT are refunded the rest.
	fn on_use(dat: DatId, payer: &AccountId, uses: u64, paid: Balance) -> Weight;

	/// The most weight one call of [`Self::on_use`] takes.
	fn weight() -> Weight;
}

/// With nothing listening, a use is only recorded.
impl<AccountId, Balance> OnDatUse<AccountId, Balance> for () {
	fn on_use(_dat: DatId, _payer: &AccountId, _uses: u64, _paid: Balance) -> Weight {
		Weight::zero()
	}

	fn weight() -> Weight {
		Weight::zero()
	}
}

/// The terms on which one consumer may use a DAT, agreed apart from its usage policy: they
/// replace the policy's access list, price and expiry for that consumer.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AccessTerms<Balance, BlockNumber> {
	/// What one use costs the grantee.
	pub price: Balance,
	/// The last block at which the grant holds; `None` for as long as it is not revoked.
	pub expires_at: Option<BlockNumber>,
}

/// Grants one consumer access to a DAT on its own terms. `pallet-dat` implements it; the iDAO
/// pallet grants access to its DATs through it.
pub trait DatAccess<AccountId, Balance, BlockNumber> {
	/// Let `consumer` use `dat` on `terms`, replacing any earlier grant to it. Only the DAT's
	/// `controller` may; a new grant reserves a deposit from it.
	fn grant(
		controller: &AccountId,
		dat: DatId,
		consumer: Consumer<AccountId>,
		terms: AccessTerms<Balance, BlockNumber>,
	) -> DispatchResult;
	/// End the grant to `consumer` and return its deposit. Only the DAT's `controller` may.
	fn revoke(controller: &AccountId, dat: DatId, consumer: &Consumer<AccountId>)
		-> DispatchResult;
	/// The terms `consumer` was granted on `dat`, if any (expired or not).
	fn grant_of(
		dat: DatId,
		consumer: &Consumer<AccountId>,
	) -> Option<AccessTerms<Balance, BlockNumber>>;
}

/// Tells whether an account may act as a consumer that is not itself an account (a model, agent
/// or iDAO). The pallets that own those consumers implement it.
pub trait ConsumerAuthority<AccountId> {
	/// Whether `who` may use data, and pay, as `consumer`.
	fn may_act_as(who: &AccountId, consumer: &Consumer<AccountId>) -> bool;
}

/// With no pallet that owns models, agents or iDAOs, an account acts only as itself.
impl<AccountId: PartialEq> ConsumerAuthority<AccountId> for () {
	fn may_act_as(who: &AccountId, consumer: &Consumer<AccountId>) -> bool {
		matches!(consumer, Consumer::Account(account) if account == who)
	}
}

/// Several owners of consumers together: `who` may act as `consumer` if either one says so.
impl<AccountId, A, B> ConsumerAuthority<AccountId> for (A, B)
where
	A: ConsumerAuthority<AccountId>,
	B: ConsumerAuthority<AccountId>,
{
	fn may_act_as(who: &AccountId, consumer: &Consumer<AccountId>) -> bool {
		A::may_act_as(who, consumer) || B::may_act_as(who, consumer)
	}
}

/// A DAT as the runtime API and RPC show it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct DatView<AccountId, Balance, BlockNumber> {
	/// The DAT's id.
	pub id: DatId,
	/// The 32-byte digest of the data.
	pub content_hash: H256,
	/// Where the data lives (ipfs://, ar://, https:// …).
	pub uri: String,
	/// What the data is.
	pub kind: DataKind,
	/// The account that anchored it.
	pub creator: AccountId,
	/// The account that controls its policy and life cycle.
	pub controller: AccountId,
	/// The block it was anchored in.
	pub anchored_at: BlockNumber,
	/// The DATs it was derived from, and how.
	pub parents: Vec<(DatId, Derivation)>,
	/// How many live DATs were derived from it.
	pub children: u32,
	/// Its usage policy.
	pub policy: PolicyView<AccountId, Balance, BlockNumber>,
	/// Uses recorded.
	pub uses: u64,
	/// Uses sold: uses paid for plus credits bought (what the policy's cap counts).
	pub uses_sold: u64,
	/// Everything paid into its revenue pool, royalties from children included.
	pub revenue: Balance,
	/// Whether a privileged origin froze it.
	pub frozen: bool,
	/// The proofs attached to it.
	pub proofs: Vec<ProofView<BlockNumber>>,
}

/// A usage policy as the runtime API and RPC show it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct PolicyView<AccountId, Balance, BlockNumber> {
	/// The consumers allowed; `None` when anyone may use the data.
	pub allow_list: Option<Vec<Consumer<AccountId>>>,
	/// What one use costs.
	pub price: Balance,
	/// The cap on uses sold, if any.
	pub max_uses: Option<u64>,
	/// The last block of use, if any.
	pub expires_at: Option<BlockNumber>,
	/// Whether new DATs may derive from it.
	pub derivation_allowed: bool,
	/// The fraction of each payment that goes to the parents.
	pub royalty: Perbill,
}

/// A proof attached to a DAT.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ProofView<BlockNumber> {
	/// What the proof is.
	pub kind: ProofKind,
	/// For a ZK proof the verified statement; otherwise the hash of the report.
	pub reference: H256,
	/// Where the report lives (empty when none was given).
	pub uri: String,
	/// True only for a ZK proof whose statement the chain verified.
	pub verified: bool,
	/// The block it was attached in.
	pub attached_at: BlockNumber,
}

/// The record of a DAT's use.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct UsageView<AccountId, Balance> {
	/// Uses recorded.
	pub uses: u64,
	/// Uses sold: uses paid for plus credits bought.
	pub uses_sold: u64,
	/// Everything paid into the DAT's revenue pool.
	pub revenue: Balance,
	/// Each consumer with its uses and unspent credits, up to the runtime's listing limit.
	pub consumers: Vec<ConsumerUsageView<AccountId>>,
	/// True when there were more consumers than the listing limit.
	pub truncated: bool,
}

/// One consumer's record on a DAT.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ConsumerUsageView<AccountId> {
	/// The consumer.
	pub consumer: Consumer<AccountId>,
	/// Its uses so far.
	pub uses: u64,
	/// Its unspent credits.
	pub credits: u64,
}

/// An account's holding of one DAT.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct HoldingView<Balance> {
	/// The DAT.
	pub dat: DatId,
	/// The shares held.
	pub shares: u128,
	/// Revenue earned and not yet claimed.
	pub claimable: Balance,
}

sp_api::decl_runtime_apis! {
	/// Read DATs, their lineage, use and holders. The node's `dat_*` RPC methods call it, and
	/// polkadot.js can call it directly as `api.call.datApi.<method>`.
	pub trait DatApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The DAT with this id, if it exists.
		fn get(dat: DatId) -> Option<DatView<AccountId, Balance, BlockNumber>>;
		/// The ancestors or descendants of a DAT up to `max_depth` derivation steps, cut at the
		/// runtime's node limit; `None` if the DAT does not exist.
		fn lineage(dat: DatId, direction: LineageDirection, max_depth: u32) -> Option<Lineage>;
		/// The DAT anchoring this content hash, if any.
		fn by_content_hash(content_hash: H256) -> Option<DatId>;
		/// The record of a DAT's use, if it exists.
		fn usage(dat: DatId) -> Option<UsageView<AccountId, Balance>>;
		/// The DATs an account holds shares of, with what it can claim.
		fn holdings(who: AccountId) -> Vec<HoldingView<Balance>>;
	}
}
