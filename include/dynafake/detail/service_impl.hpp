// dynafake — Service's definitions: the pipeline every operation runs
// (validate -> fault rules -> rate limit -> the component that serves it).
#pragma once

#include <algorithm>    // std::find
#include <chrono>       // std::chrono
#include <stdexcept>    // std::invalid_argument
#include <string>       // std::string
#include <type_traits>  // std::void_t, std::decay_t
#include <typeinfo>     // typeid
#include <utility>      // std::move, std::declval
#include <vector>       // std::vector

#include "dynafake/components/components.hpp"       // Components
#include "dynafake/detail/linkage.hpp"              // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"             // msg::Default
#include "dynafake/generated/validation_rules.hpp"  // ValidateRequest
#include "dynafake/service.hpp"

namespace dynafake {

DYNAFAKE_IMPL Service::Service(Clock& clock, ServiceOptions options)
    : clock_(&clock),
      options_(std::move(options)),
      journal_(options_.journalSize),
      components_(new detail::Components(options_)) {}

DYNAFAKE_IMPL Service::~Service() = default;

DYNAFAKE_IMPL int64_t Service::NowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_->Now().time_since_epoch()).count();
}

namespace detail {

/// Whether a result type carries ConsumedCapacity (the data plane's), one or a list of them.
template <class Result, class = void>
struct ReportsCapacity : std::false_type {};
template <class Result>
struct ReportsCapacity<Result, std::void_t<decltype(std::declval<const Result&>().ConsumedCapacityHasBeenSet())>>
    : std::true_type {};
inline double CapacityUnits(const Model::ConsumedCapacity& c) { return c.GetCapacityUnits(); }
inline double CapacityUnits(const std::vector<Model::ConsumedCapacity>& list) {
  double sum = 0;
  for (const auto& c : list) sum += c.GetCapacityUnits();
  return sum;
}

/// Writes a call's outcome into its journal entry (none when the journal is off).
template <class Outcome>
void RecordOutcome(Call* entry, const Outcome& out, CallCause cause, int faultRule = 0) {
  if (!entry) return;
  entry->cause = cause;
  entry->faultRule = faultRule;
  if (out.IsSuccess()) {
    entry->success = true;
    if constexpr (ReportsCapacity<std::decay_t<decltype(out.GetResult())>>::value) {
      if (out.GetResult().ConsumedCapacityHasBeenSet()) {
        entry->capacityReported = true;
        entry->capacityUnits = CapacityUnits(out.GetResult().GetConsumedCapacity());
      }
    }
  } else {
    entry->error = out.GetError().GetExceptionName();
    entry->message = out.GetError().GetMessage();
  }
}

}  // namespace detail

template <class Request>
typename OperationTraits<Request>::Outcome Service::Run(const Request& request, bool inspection) {
  using Traits = OperationTraits<Request>;
  using Outcome = typename Traits::Outcome;
  std::lock_guard<std::mutex> lock(mu_);
  detail::Components& c = *components_;
  const int64_t now = NowMs();
  c.ApplyDue(now);
  // the journal's entry for this call: its slot in the ring, filled as the call goes (none when off)
  // (checked before the arguments are named: a batch's tables cost a vector to name)
  Call* entry = inspection || !journal_.On() ? nullptr
                                             : journal_.Next(Traits::kName, now, Traits::TableArgument(request),
                                                             Traits::BackupArgument(request));
  // 1. the request alone, as the service model and the operation's own rules
  //    say, for every operation before anything else (what the data plane's
  //    checks parse is the plan it is served with)
  detail::Validator v;
  typename detail::PlanOf<Request>::type plan;
  c.Precheck(request, v);
  if (v.Ok()) detail::ValidateRequest(request, v);
  if (v.Ok()) c.Validate(request, v, plan);
  if (!v.Ok()) {
    Outcome refused(
        DynamoDBError(v.Denied() ? DynamoDBErrors::ACCESS_DENIED : DynamoDBErrors::VALIDATION, v.Message()));
    detail::RecordOutcome(entry, refused, CallCause::Validation);
    return refused;
  }
  // 2. the fault rules, told which tables and backup the call is about (the
  //    model says which members name them, nested ones included: a batch's
  //    RequestItems keys); naming costs copies, so only when a rule is set
  if (!inspection && !faults_.Empty()) {
    CallInfo call;
    call.operation = Traits::kName;
    for (const std::string& named : Traits::TableArguments(request)) {
      std::string name = c.identity.TableNameOf(named);  // an ARN of this account and region: its table
      if (!name.empty() && std::find(call.tables.begin(), call.tables.end(), name) == call.tables.end())
        call.tables.push_back(std::move(name));
    }
    if (call.tables.size() == 1) call.table = call.tables.front();
    call.backupArn = Traits::BackupArgument(request);
    call.request = &request;
    call.requestType = &typeid(Request);
    int rule = 0;
    if (auto injected = faults_.Evaluate(call, &rule)) {
      if (injected->GetMessage().empty()) injected->SetMessage(detail::msg::Default(injected->GetErrorType()));
      c.Injected(request, *injected);
      Outcome out(*injected);
      detail::RecordOutcome(entry, out, CallCause::FaultRule, rule);
      return out;
    }
  }
  // 3. the call rate (only accepted calls count)
  if (!inspection) {
    if (auto limited = c.quotas.CheckRate(Traits::kName, now)) {
      Outcome out(*limited);
      detail::RecordOutcome(entry, out, CallCause::RateLimit);
      return out;
    }
  }
  // 4. the state
  c.throughput.SetInspecting(inspection);  // an inspection reads without being charged
  Outcome out = c.Serve(request, plan, now);
  c.throughput.SetInspecting(false);
  if (out.IsSuccess() && !inspection) c.quotas.RecordCall(Traits::kName, now);
  c.ApplyDue(now);  // a transition of zero duration the call started takes effect at once
  detail::RecordOutcome(entry, out, out.IsSuccess() ? CallCause::Served : CallCause::State);
  return out;
}

#define DYNAFAKE_SERVICE_OPERATION(Op)                                                                     \
  DYNAFAKE_IMPL Model::Op##Outcome Service::Op(const Model::Op##Request& request) { return Run(request); } \
  DYNAFAKE_IMPL Model::Op##Outcome Service::Invoke(const Model::Op##Request& request) { return Run(request); }
DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_SERVICE_OPERATION)
#undef DYNAFAKE_SERVICE_OPERATION

#define DYNAFAKE_SERVICE_INSPECT(Op) \
  DYNAFAKE_IMPL Model::Op##Outcome Service::Inspect(const Model::Op##Request& request) { return Run(request, true); }
DYNAFAKE_FOR_EACH_INSPECTION(DYNAFAKE_SERVICE_INSPECT)
#undef DYNAFAKE_SERVICE_INSPECT

DYNAFAKE_IMPL Model::CreateBackupOutcome Service::SeedBackup(const std::string& tableName,
                                                             const std::string& backupName, Model::BackupType type) {
  std::lock_guard<std::mutex> lock(mu_);
  const int64_t now = NowMs();
  components_->ApplyDue(now);
  return components_->backups.SeedBackup(tableName, backupName, type, now);
}

DYNAFAKE_IMPL ServiceStats Service::Stats() {
  std::lock_guard<std::mutex> lock(mu_);
  components_->ApplyDue(NowMs());
  return components_->Stats();
}

DYNAFAKE_IMPL CallJournal Service::Journal() {
  std::lock_guard<std::mutex> lock(mu_);
  return journal_.Copy();
}

DYNAFAKE_IMPL void Service::ClearJournal() {
  std::lock_guard<std::mutex> lock(mu_);
  journal_.Clear();
}

DYNAFAKE_IMPL ObjectStore& Service::Objects() {
  std::lock_guard<std::mutex> lock(mu_);
  return *components_->objects;
}

DYNAFAKE_IMPL std::shared_ptr<ObjectStore> Service::ObjectStorePtr() {
  std::lock_guard<std::mutex> lock(mu_);
  return components_->objects;
}

DYNAFAKE_IMPL void Service::SetObjectStore(std::shared_ptr<ObjectStore> store) {
  if (!store) throw std::invalid_argument("Service::SetObjectStore: the store must not be null");  // not a message
  std::lock_guard<std::mutex> lock(mu_);
  components_->objects = std::move(store);
}

DYNAFAKE_IMPL void Service::Reset() {
  std::lock_guard<std::mutex> lock(mu_);
  components_->Reset();
  faults_.Clear();
  journal_.Clear();
}

DYNAFAKE_IMPL std::optional<int64_t> Service::BackupCutMs(const std::string& backupArn) {
  std::lock_guard<std::mutex> lock(mu_);
  components_->ApplyDue(NowMs());
  const detail::BackupRecord* b = components_->backups.Find(backupArn);
  if (!b) return std::nullopt;
  return b->cutMs;
}

DYNAFAKE_IMPL std::string Service::TableArn(const std::string& name) const {
  return components_->identity.TableArn(name);
}

DYNAFAKE_IMPL detail::SavedState Service::SaveState() {
  std::lock_guard<std::mutex> lock(mu_);
  return components_->Save(NowMs());
}

DYNAFAKE_IMPL void Service::LoadState(detail::SavedState state) {
  try {
    detail::Components::Check(state);  // everything checked first: a state that fails to load changes nothing
    if (!DateTime(state.savedAtMs).FitsTimePoint())
      throw std::invalid_argument(detail::msg::StateSavedOutsideClock(state.savedAtMs));
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string("LoadState: ") + e.what());
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (AdjustableClock* clock = clock_->Adjustable()) {
    const TimePoint saved = DateTime(state.savedAtMs).UnderlyingTimestamp();
    if (saved < clock->Now())
      throw std::invalid_argument(
          detail::msg::StateClockBackwards(DateTime(state.savedAtMs).ToIso8601(), DateTime(clock->Now()).ToIso8601()));
    clock->Set(saved);
  }
  components_->Load(std::move(state), NowMs());
}

}  // namespace dynafake
