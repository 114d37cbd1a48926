// dynafake — Transactions' definitions (see transactions.hpp).
#pragma once

#include <algorithm>  // std::find, std::none_of
#include <map>        // std::map
#include <optional>   // std::optional
#include <set>        // std::set
#include <string>     // std::string
#include <utility>    // std::move
#include <vector>     // std::vector

#include "dynafake/components/items.hpp"  // Items
#include "dynafake/components/transactions.hpp"
#include "dynafake/detail/data_plane/capacity.hpp"         // Consumed, WriteCost, ReadUnits, Report
#include "dynafake/detail/data_plane/item_operations.hpp"  // RunPutItem, RunDeleteItem, RunUpdateItem, RunGetItem, writes::
#include "dynafake/detail/data_plane/keys.hpp"             // EncodeKey
#include "dynafake/detail/linkage.hpp"                     // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"                    // msg::
#include "dynafake/detail/requests/item_checks.hpp"        // ItemBytes
#include "dynafake/detail/requests/key_checks.hpp"         // CheckKeyArgument, CheckItemKeys

namespace dynafake {
namespace detail {

namespace transact {
template <class Action, class Request>
void CopyCondition(const Action& a, Request& out) {
  out.SetTableName(a.GetTableName());
  if (a.ConditionExpressionHasBeenSet()) out.SetConditionExpression(a.GetConditionExpression());
  if (a.ExpressionAttributeNamesHasBeenSet()) out.SetExpressionAttributeNames(a.GetExpressionAttributeNames());
  if (a.ExpressionAttributeValuesHasBeenSet()) out.SetExpressionAttributeValues(a.GetExpressionAttributeValues());
  if (a.ReturnValuesOnConditionCheckFailureHasBeenSet())
    out.SetReturnValuesOnConditionCheckFailure(a.GetReturnValuesOnConditionCheckFailure());
}

// The action as the single-item request it stands for, checked as that request is.
inline std::string PlanAction(const Model::TransactWriteItem& w, TransactAction& out) {
  const int set = int(w.ConditionCheckHasBeenSet()) + int(w.PutHasBeenSet()) + int(w.DeleteHasBeenSet()) +
                  int(w.UpdateHasBeenSet());
  if (set != 1) return msg::TransactOneActionEach();
  if (w.PutHasBeenSet()) {
    out.kind = TransactAction::Kind::Put;
    CopyCondition(w.GetPut(), out.put);
    out.put.SetItem(w.GetPut().GetItem());
    return PlanPutItem(out.put, out.plan);
  }
  if (w.UpdateHasBeenSet()) {
    out.kind = TransactAction::Kind::Update;
    CopyCondition(w.GetUpdate(), out.update);
    out.update.SetKey(w.GetUpdate().GetKey());
    out.update.SetUpdateExpression(w.GetUpdate().GetUpdateExpression());
    return PlanUpdateItem(out.update, out.plan);
  }
  if (w.DeleteHasBeenSet()) {
    out.kind = TransactAction::Kind::Delete;
    CopyCondition(w.GetDelete(), out.remove);
    out.remove.SetKey(w.GetDelete().GetKey());
  } else {
    out.kind = TransactAction::Kind::ConditionCheck;
    CopyCondition(w.GetConditionCheck(), out.remove);
    out.remove.SetKey(w.GetConditionCheck().GetKey());
  }
  return PlanDeleteItem(out.remove, out.plan);
}

// The checks that need the table but not the item: a failure refuses the whole request.
inline std::string CheckOnTable(const DataTable& t, const TransactAction& a) {
  std::string e = a.kind == TransactAction::Kind::Put
                      ? CheckItemKeys(t.schema.hash, t.schema.range, t.schema.IndexKeys(), a.plan.item)
                      : CheckKeyArgument(t.schema.hash, t.schema.range, a.plan.item);
  if (e.empty() && a.kind == TransactAction::Kind::Update) e = writes::CheckUpdateTargets(t, a.update, a.plan);
  if (e.empty()) e = writes::ConditionPaths(t, a.plan);
  return e;
}

// The reason an action gives: None, or what its single-item request failed with.
inline Model::CancellationReason ReasonOf(const std::optional<DynamoDBError>& failed) {
  Model::CancellationReason reason;
  if (!failed) return reason.WithCode("None");
  if (failed->GetErrorType() == DynamoDBErrors::CONDITIONAL_CHECK_FAILED) {
    reason.WithCode("ConditionalCheckFailed").WithMessage(msg::ConditionalRequestFailed());
    if (failed->ItemHasBeenSet()) reason.SetItem(failed->GetItem());
    return reason;
  }
  // an item-level validation failure (an update that cannot apply to this
  // item, an item grown too large): the service's ValidationError reason
  return reason.WithCode("ValidationError").WithMessage(failed->GetMessage());
}

/// The reason of an action its table's capacity could not take, with the
/// throttling error's own message (the service model's
/// TransactionCanceledException: "Code: ProvisionedThroughputExceeded" on a
/// provisioned table or GSI, "Code: ThrottlingError" on an on-demand one).
inline Model::CancellationReason ThrottledReason(const DynamoDBError& throttled) {
  return Model::CancellationReason()
      .WithCode(throttled.GetErrorType() == DynamoDBErrors::THROTTLING ? "ThrottlingError"
                                                                       : "ProvisionedThroughputExceeded")
      .WithMessage(throttled.GetMessage());
}

inline DynamoDBError Cancelled(std::vector<Model::CancellationReason> reasons) {
  std::string codes;
  for (const auto& r : reasons) codes += (codes.empty() ? "" : ", ") + r.GetCode();
  DynamoDBError e(DynamoDBErrors::TRANSACTION_CANCELED, msg::TransactionCancelled(codes));
  e.SetCancellationReasons(std::move(reasons));
  return e;
}

/// Charges every action's transactional units to its table (Throughput, through
/// the DataTable's charge), all or none: when one does not fit, the buckets of
/// every table are put back as they were and the reasons say which action was
/// throttled ("There is insufficient provisioned capacity for the transaction
/// to be completed", TransactionCanceledException).
inline std::optional<DynamoDBError> ChargeAll(const std::vector<DataTable>& tables,
                                              const std::vector<TableRecord*>& records,
                                              const std::vector<Consumed>& charges, const std::vector<bool>& writes) {
  std::vector<std::pair<TableRecord*, TableBuckets>> before;
  for (TableRecord* t : records)
    if (std::none_of(before.begin(), before.end(), [t](const auto& b) { return b.first == t; }))
      before.emplace_back(t, t->buckets);
  for (std::size_t i = 0; i < charges.size(); ++i) {
    if (auto throttled = tables[i].Charge(charges[i], writes[i])) {
      for (auto& b : before) b.first->buckets = std::move(b.second);
      std::vector<Model::CancellationReason> reasons(charges.size(), ReasonOf(std::nullopt));
      reasons[i] = ThrottledReason(*throttled);
      return Cancelled(std::move(reasons));
    }
  }
  return std::nullopt;
}

// One ConsumedCapacity per table, in the order the tables first appear.
inline std::vector<Model::ConsumedCapacity> Capacities(Model::ReturnConsumedCapacity mode,
                                                       const std::vector<std::string>& order,
                                                       const std::map<std::string, Consumed>& charged) {
  std::vector<Model::ConsumedCapacity> out;
  for (const auto& name : order)
    if (auto report = Report(mode, name, charged.at(name))) out.push_back(*report);
  return out;
}
}  // namespace transact

DYNAFAKE_IMPL void Transactions::Validate(const Model::TransactWriteItemsRequest& r, Validator& v,
                                          TransactWritePlan& plan) {
  for (const auto& w : r.GetTransactItems()) {
    plan.actions.emplace_back();
    std::string e = transact::PlanAction(w, plan.actions.back());
    if (!e.empty()) return v.Add(std::move(e));
  }
}

DYNAFAKE_IMPL void Transactions::Validate(const Model::TransactGetItemsRequest& r, Validator& v,
                                          TransactGetPlan& plan) {
  for (const auto& g : r.GetTransactItems()) {
    const Model::Get& get = g.GetGet();
    Model::GetItemRequest one;
    one.SetTableName(get.GetTableName());
    one.SetKey(get.GetKey());
    one.SetConsistentRead(true);  // transactional reads are strongly consistent
    if (get.ProjectionExpressionHasBeenSet()) one.SetProjectionExpression(get.GetProjectionExpression());
    if (get.ExpressionAttributeNamesHasBeenSet()) one.SetExpressionAttributeNames(get.GetExpressionAttributeNames());
    ReadPlan p;
    std::string e = PlanGetItem(one, p);
    if (!e.empty()) return v.Add(std::move(e));
    plan.gets.push_back(std::move(one));
    plan.plans.push_back(std::move(p));
  }
}

DYNAFAKE_IMPL void Transactions::ForgetExpired(int64_t now) {
  while (!expiries_.empty() && expiries_.front().first <= now) {
    auto it = tokens_.find(expiries_.front().second);
    if (it != tokens_.end() && it->second.expiresMs <= now) tokens_.erase(it);
    expiries_.pop_front();
  }
}

DYNAFAKE_IMPL std::size_t Transactions::RememberedTokens(int64_t now) {
  ForgetExpired(now);
  std::size_t n = 0;
  for (const auto& kv : tokens_) n += kv.second.expiresMs > now ? 1 : 0;
  return n;
}

DYNAFAKE_IMPL Model::TransactWriteItemsOutcome Transactions::TransactWriteItems(
    const Model::TransactWriteItemsRequest& r, const TransactWritePlan& plan, int64_t now) {
  // the token first: a replay of the same request answers as the first call did
  ForgetExpired(now);
  const bool tokened = r.ClientRequestTokenHasBeenSet();
  if (tokened) {
    auto it = tokens_.find(r.GetClientRequestToken());
    if (it != tokens_.end() && it->second.expiresMs > now) {
      if (it->second.items != r.GetTransactItems() || it->second.metrics != r.GetReturnItemCollectionMetrics())
        return DynamoDBError(DynamoDBErrors::IDEMPOTENT_PARAMETER_MISMATCH, msg::IdempotentParameterMismatch());
      return Replay(r, plan, now);
    }
  }

  // every table, every key, one action per item: a failure here refuses the request
  std::vector<DataTable> tables;
  std::vector<TableRecord*> records;
  std::vector<std::string> order;  // table names, each once, as they first appear
  std::set<std::pair<const TableRecord*, std::string>> keys;
  for (const auto& a : plan.actions) {
    std::optional<DynamoDBError> missing;
    TableRecord* t = items_->Writable(a.Table(), missing);
    if (!t) return *missing;
    records.push_back(t);
    tables.push_back(items_->DataOf(*t, now));
    const DataTable& d = tables.back();
    std::string e = transact::CheckOnTable(d, a);
    if (!e.empty()) return Invalid(e);
    if (!keys.insert({t, EncodeKey(d.Key(), a.plan.item)}).second) return Invalid(msg::TransactOneActionPerItem());
    if (std::find(order.begin(), order.end(), d.name) == order.end()) order.push_back(d.name);
  }

  // every action on the items as they are, its write held back
  struct Staged {
    TableRecord* table;
    Item item;
    bool deleted;
  };
  std::vector<Staged> staged;
  std::vector<Model::CancellationReason> reasons;
  std::map<std::string, Consumed> charged;
  std::vector<Consumed> charges;  // each action's, charged once every condition has passed
  std::vector<bool> chargedAsWrite;
  bool cancelled = false;
  for (std::size_t i = 0; i < plan.actions.size(); ++i) {
    const TransactAction& a = plan.actions[i];
    DataTable d = tables[i];
    std::optional<Staged> write;
    d.writeAt = [&write, t = records[i]](const Item& item, bool deleted, int64_t) { write = Staged{t, item, deleted}; };
    d.charge = nullptr;  // the single-item run charges nothing: the transaction charges below, twice, all or none
    const Item* old = d.Find(a.plan.item, now);
    std::optional<DynamoDBError> failed;
    auto keep = [&failed](const auto& outcome) {
      if (!outcome.IsSuccess()) failed = outcome.GetError();
    };
    switch (a.kind) {
      case TransactAction::Kind::Put:
        keep(RunPutItem(d, a.put, a.plan, now));
        break;
      case TransactAction::Kind::Delete:
        keep(RunDeleteItem(d, a.remove, a.plan, now));
        break;
      case TransactAction::Kind::Update:
        keep(RunUpdateItem(d, a.update, a.plan, now));
        break;
      case TransactAction::Kind::ConditionCheck:
        failed = writes::ConditionFailed(a.plan, old, a.ReturnOld());
        break;
    }
    cancelled = cancelled || failed.has_value();
    reasons.push_back(transact::ReasonOf(failed));
    Consumed single;
    if (a.kind == TransactAction::Kind::ConditionCheck)
      single.table = ReadUnits(old ? ItemBytes(*old) : 0, true);
    else
      single = WriteCost(d.schema, old, write && !write->deleted ? &write->item : nullptr);
    charged[d.name].Add(TransactionalCharge(single));
    charges.push_back(TransactionalCharge(single));
    chargedAsWrite.push_back(a.kind != TransactAction::Kind::ConditionCheck);
    if (write) staged.push_back(std::move(*write));
  }
  if (cancelled) return transact::Cancelled(std::move(reasons));
  if (auto throttled = transact::ChargeAll(tables, records, charges, chargedAsWrite)) return *throttled;

  // all of them, at one instant
  for (const Staged& s : staged) items_->Write(*s.table, s.item, s.deleted, now);
  Model::TransactWriteItemsResult out;
  auto capacities = transact::Capacities(r.GetReturnConsumedCapacity(), order, charged);
  if (!capacities.empty()) out.SetConsumedCapacity(std::move(capacities));
  if (tokened) {
    const int64_t expires = now + options_->limits.transactionTokenWindow.count();
    tokens_[r.GetClientRequestToken()] = Token{r.GetTransactItems(), r.GetReturnItemCollectionMetrics(), expires};
    expiries_.emplace_back(expires, r.GetClientRequestToken());
  }
  return out;
}

DYNAFAKE_IMPL Model::TransactWriteItemsOutcome Transactions::Replay(const Model::TransactWriteItemsRequest& r,
                                                                    const TransactWritePlan& plan, int64_t now) {
  // "Subsequent TransactWriteItems calls with the same client token return the
  // number of read capacity units consumed in reading the item" (TransactWriteItems,
  // API Reference, ClientRequestToken): a strongly consistent read of each item
  Model::TransactWriteItemsResult out;
  if (r.GetReturnConsumedCapacity() != Model::ReturnConsumedCapacity::TOTAL &&
      r.GetReturnConsumedCapacity() != Model::ReturnConsumedCapacity::INDEXES)
    return out;
  std::vector<std::string> order;
  std::map<std::string, Consumed> charged;
  for (const auto& a : plan.actions) {
    std::optional<DynamoDBError> missing;
    TableRecord* t = items_->Writable(a.Table(), missing);
    if (!t) return *missing;
    DataTable d = items_->DataOf(*t, now);
    const Item* item = d.Find(a.plan.item, now);
    charged[d.name].table += ReadUnits(item ? ItemBytes(*item) : 0, true);
    if (std::find(order.begin(), order.end(), d.name) == order.end()) order.push_back(d.name);
  }
  auto capacities = transact::Capacities(r.GetReturnConsumedCapacity(), order, charged);
  if (!capacities.empty()) out.SetConsumedCapacity(std::move(capacities));
  return out;
}

DYNAFAKE_IMPL Model::TransactGetItemsOutcome Transactions::TransactGetItems(const Model::TransactGetItemsRequest& r,
                                                                            const TransactGetPlan& plan, int64_t now) {
  std::vector<DataTable> tables;
  std::vector<TableRecord*> records;
  std::vector<std::string> order;
  for (const auto& get : plan.gets) {
    std::optional<DynamoDBError> missing;
    TableRecord* t = items_->Writable(get.GetTableName(), missing);
    if (!t) return *missing;
    records.push_back(t);
    tables.push_back(items_->DataOf(*t, now));
    if (std::find(order.begin(), order.end(), tables.back().name) == order.end()) order.push_back(tables.back().name);
  }
  Model::TransactGetItemsResult out;
  std::vector<Model::ItemResponse> responses;
  std::map<std::string, Consumed> charged;
  std::vector<Consumed> charges;
  for (std::size_t i = 0; i < plan.gets.size(); ++i) {
    DataTable uncharged = tables[i];
    uncharged.charge = nullptr;  // charged below, twice, all or none
    auto one = RunGetItem(uncharged, plan.gets[i], plan.plans[i], now);
    if (!one.IsSuccess()) return one.GetError();  // a key that does not match the schema: the whole request
    Model::ItemResponse response;
    if (one.GetResult().ItemHasBeenSet()) response.SetItem(one.GetResult().GetItem());
    responses.push_back(std::move(response));
    const Item* item = tables[i].Find(plan.gets[i].GetKey(), now);
    Consumed single;
    single.table = ReadUnits(item ? ItemBytes(*item) : 0, true);
    charged[tables[i].name].Add(TransactionalCharge(single));
    charges.push_back(TransactionalCharge(single));
  }
  if (auto throttled = transact::ChargeAll(tables, records, charges, std::vector<bool>(charges.size(), false)))
    return *throttled;
  out.SetResponses(std::move(responses));
  auto capacities = transact::Capacities(r.GetReturnConsumedCapacity(), order, charged);
  if (!capacities.empty()) out.SetConsumedCapacity(std::move(capacities));
  return out;
}

namespace transact {
inline void Conflicted(std::size_t actions, DynamoDBError& e) {
  if (e.GetErrorType() != DynamoDBErrors::TRANSACTION_CANCELED || e.CancellationReasonsHaveBeenSet()) return;
  std::vector<Model::CancellationReason> reasons;
  std::string codes;
  for (std::size_t i = 0; i < actions; ++i) {
    reasons.push_back(
        i == 0 ? Model::CancellationReason().WithCode("TransactionConflict").WithMessage(msg::TransactionOngoing())
               : Model::CancellationReason().WithCode("None"));
    codes += (codes.empty() ? "" : ", ") + reasons.back().GetCode();
  }
  // the rule's own message stays; the default one names every action's code
  if (e.GetMessage() == msg::Default(DynamoDBErrors::TRANSACTION_CANCELED))
    e.SetMessage(msg::TransactionCancelled(codes));
  e.SetCancellationReasons(std::move(reasons));
}
}  // namespace transact

DYNAFAKE_IMPL void Transactions::Injected(const Model::TransactWriteItemsRequest& r, DynamoDBError& e) {
  transact::Conflicted(r.GetTransactItems().size(), e);
}
DYNAFAKE_IMPL void Transactions::Injected(const Model::TransactGetItemsRequest& r, DynamoDBError& e) {
  transact::Conflicted(r.GetTransactItems().size(), e);
}

}  // namespace detail
}  // namespace dynafake
