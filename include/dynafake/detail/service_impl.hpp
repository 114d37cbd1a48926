// dynafake — Service's definitions: the pipeline every operation runs
// (validate -> fault rules -> rate limit -> the component that serves it).
#pragma once

#include <algorithm>  // std::find
#include <chrono>     // std::chrono
#include <typeinfo>   // typeid
#include <utility>    // std::move

#include "dynafake/components/components.hpp"       // Components
#include "dynafake/detail/linkage.hpp"              // DYNAFAKE_IMPL
#include "dynafake/detail/messages.hpp"             // msg::Default
#include "dynafake/generated/validation_rules.hpp"  // ValidateRequest
#include "dynafake/service.hpp"

namespace dynafake {

DYNAFAKE_IMPL Service::Service(Clock& clock, ServiceOptions options)
    : clock_(&clock), options_(std::move(options)), components_(new detail::Components(options_)) {}

DYNAFAKE_IMPL Service::~Service() = default;

DYNAFAKE_IMPL int64_t Service::NowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_->Now().time_since_epoch()).count();
}

template <class Request>
typename OperationTraits<Request>::Outcome Service::Run(const Request& request) {
  using Traits = OperationTraits<Request>;
  using Outcome = typename Traits::Outcome;
  std::lock_guard<std::mutex> lock(mu_);
  detail::Components& c = *components_;
  const int64_t now = NowMs();
  c.ApplyDue(now);
  // 1. the request alone, as the service model and the operation's own rules
  //    say, for every operation before anything else (what the data plane's
  //    checks parse is the plan it is served with)
  detail::Validator v;
  typename detail::PlanOf<Request>::type plan;
  detail::ValidateRequest(request, v);
  if (v.Ok()) c.Validate(request, v, plan);
  if (!v.Ok())
    return Outcome(DynamoDBError(v.Denied() ? DynamoDBErrors::ACCESS_DENIED : DynamoDBErrors::VALIDATION, v.Message()));
  // 2. the fault rules, told which tables and backup the call is about (the
  //    model says which members name them, nested ones included: a batch's
  //    RequestItems keys); naming costs copies, so only when a rule is set
  if (!faults_.Empty()) {
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
    if (auto injected = faults_.Evaluate(call)) {
      if (injected->GetMessage().empty()) injected->SetMessage(detail::msg::Default(injected->GetErrorType()));
      return Outcome(*injected);
    }
  }
  // 3. the call rate (only accepted calls count)
  if (auto limited = c.quotas.CheckRate(Traits::kName, now)) return Outcome(*limited);
  // 4. the state
  Outcome out = c.Serve(request, plan, now);
  if (out.IsSuccess()) c.quotas.RecordCall(Traits::kName, now);
  c.ApplyDue(now);  // a transition of zero duration the call started takes effect at once
  return out;
}

#define DYNAFAKE_SERVICE_OPERATION(Op) \
  DYNAFAKE_IMPL Model::Op##Outcome Service::Op(const Model::Op##Request& request) { return Run(request); }
DYNAFAKE_FOR_EACH_OPERATION(DYNAFAKE_SERVICE_OPERATION)
#undef DYNAFAKE_SERVICE_OPERATION

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

DYNAFAKE_IMPL void Service::Reset() {
  std::lock_guard<std::mutex> lock(mu_);
  components_->Reset();
  faults_.Clear();
}

DYNAFAKE_IMPL std::string Service::TableArn(const std::string& name) const {
  return components_->identity.TableArn(name);
}

}  // namespace dynafake
