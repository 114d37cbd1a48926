// dynafake — Transactions: TransactWriteItems and TransactGetItems, all or
// nothing, on the tables Items keeps. Every action is checked alone first, by
// Validate, as the single-item request it stands for (a Put as a PutItem, an
// Update as an UpdateItem, a Delete or a ConditionCheck as a DeleteItem's key
// and condition: detail/requests/write_plans.hpp, read_plans.hpp); the operation then
// finds every table, checks every key, refuses two actions on one item,
// evaluates every action on the items as they are (detail/data_plane/item_operations.hpp,
// with its writes held back) and, when none failed, applies every write at
// the call's instant, so the item histories (and point-in-time recovery)
// hold all of them or none. A failed action cancels the transaction with
// TransactionCanceledException and one CancellationReason per action, in the
// request's order. A ClientRequestToken is remembered for
// Limits::transactionTokenWindow (10 minutes) of the Service's clock: the
// same request again answers as the first did and writes nothing; another
// request under the token is an IdempotentParameterMismatchException.
#pragma once

#include <cstdint>  // int64_t
#include <deque>    // std::deque
#include <map>      // std::map
#include <string>   // std::string
#include <utility>  // std::pair
#include <vector>   // std::vector

#include "dynafake/detail/data_plane/capacity.hpp"   // Consumed
#include "dynafake/detail/requests/read_plans.hpp"   // ReadPlan
#include "dynafake/detail/requests/write_plans.hpp"  // WritePlan
#include "dynafake/detail/validation/validator.hpp"  // Validator
#include "dynafake/generated/operations.hpp"         // XRequest, XOutcome
#include "dynafake/options.hpp"                      // ServiceOptions

namespace dynafake {
namespace detail {

class Items;

/// One action of a TransactWriteItems as the single-item request it stands
/// for, with what its checks parsed.
struct TransactAction {
  enum class Kind { ConditionCheck, Put, Delete, Update };
  Kind kind = Kind::ConditionCheck;
  Model::PutItemRequest put;        ///< Put
  Model::DeleteItemRequest remove;  ///< Delete, and ConditionCheck (its key and condition)
  Model::UpdateItemRequest update;  ///< Update
  WritePlan plan;

  const std::string& Table() const {
    return kind == Kind::Put      ? put.GetTableName()
           : kind == Kind::Update ? update.GetTableName()
                                  : remove.GetTableName();
  }
  Model::ReturnValuesOnConditionCheckFailure ReturnOld() const {
    return kind == Kind::Put      ? put.GetReturnValuesOnConditionCheckFailure()
           : kind == Kind::Update ? update.GetReturnValuesOnConditionCheckFailure()
                                  : remove.GetReturnValuesOnConditionCheckFailure();
  }
};

struct TransactWritePlan {
  std::vector<TransactAction> actions;
};

struct TransactGetPlan {
  std::vector<Model::GetItemRequest> gets;  ///< each Get as a strongly consistent GetItem
  std::vector<ReadPlan> plans;
};

/// What a transaction charges for reads and writes that would cost `single`
/// outside one: twice as much, "one to prepare the transaction and one to
/// commit the transaction" (Developer Guide, "Amazon DynamoDB Transactions:
/// How it works", Capacity management for transactions). Every transactional
/// charge goes through here.
inline Consumed TransactionalCharge(const Consumed& single) {
  Consumed twice;
  twice.Add(single);
  twice.Add(single);
  return twice;
}

class Transactions {
 public:
  Transactions(const ServiceOptions& options, Items& items) : options_(&options), items_(&items) {}

  // ---- the request's own checks, run by the Service's first step
  static void Validate(const Model::TransactWriteItemsRequest& r, Validator& v, TransactWritePlan& plan);
  static void Validate(const Model::TransactGetItemsRequest& r, Validator& v, TransactGetPlan& plan);

  // ---- the operations, given the plan their Validate made
  Model::TransactWriteItemsOutcome TransactWriteItems(const Model::TransactWriteItemsRequest& r,
                                                      const TransactWritePlan& plan, int64_t now);
  Model::TransactGetItemsOutcome TransactGetItems(const Model::TransactGetItemsRequest& r, const TransactGetPlan& plan,
                                                  int64_t now);

  /// A TransactionCanceledException a fault rule injects without reasons gets
  /// one per action, as a conflicting transaction makes the service answer:
  /// TransactionConflict for the first action, None for the others.
  static void Injected(const Model::TransactWriteItemsRequest& r, DynamoDBError& e);
  static void Injected(const Model::TransactGetItemsRequest& r, DynamoDBError& e);

  /// The ClientRequestTokens remembered at `now` (expired ones are forgotten first).
  std::size_t RememberedTokens(int64_t now);
  void Clear() {
    tokens_.clear();
    expiries_.clear();
  }

 private:
  struct Token {
    std::vector<Model::TransactWriteItem> items;  ///< what the first request asked for
    Model::ReturnItemCollectionMetrics metrics = Model::ReturnItemCollectionMetrics::NOT_SET;
    int64_t expiresMs = 0;
  };
  /// Forgets the tokens whose window closed at or before `now`.
  void ForgetExpired(int64_t now);
  /// What a replay under a remembered token answers: the first call's result,
  /// with the read capacity of reading the items again when asked for.
  Model::TransactWriteItemsOutcome Replay(const Model::TransactWriteItemsRequest& r, const TransactWritePlan& plan,
                                          int64_t now);

  const ServiceOptions* options_;
  Items* items_;
  std::map<std::string, Token> tokens_;
  std::deque<std::pair<int64_t, std::string>> expiries_;  ///< (expiry, token) in the order they were remembered
};

}  // namespace detail
}  // namespace dynafake
