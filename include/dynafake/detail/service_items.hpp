// dynafake — Service: item operations, enough to seed tables and check what
// backups and restores hold (PutItem, GetItem, DeleteItem, Scan, BatchWriteItem).
// Condition, update and filter expressions are out of scope and refused with a
// ValidationException that says so. Included by service.hpp.
#pragma once

#include <set>     // std::set
#include <string>  // std::string
#include <vector>  // std::vector

namespace dynafake {

namespace detail {
inline std::string CheckValue(const Model::AttributeValue& v, int depth) {
  using Model::ValueType;
  if (!v.HasBeenSet()) return "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
  if (depth > 32) return "Nesting Levels have exceeded supported limits: maximum allowed nesting depth is 32";
  switch (v.GetType()) {
    case ValueType::NUMBER:
      if (!CanonicalNumber(v.GetN())) return "The parameter cannot be converted to a numeric value: " + v.GetN();
      break;
    case ValueType::STRING_SET:
    case ValueType::NUMBER_SET:
    case ValueType::BYTEBUFFER_SET: {
      const std::size_t n = v.GetType() == ValueType::STRING_SET ? v.GetSS().size()
                            : v.GetType() == ValueType::NUMBER_SET ? v.GetNS().size() : v.GetBS().size();
      if (n == 0) return "One or more parameter values were invalid: An " + std::string(TypeLetter(v)) + " may not be empty";
      std::set<std::string> seen;
      if (v.GetType() == ValueType::STRING_SET)
        for (const auto& s : v.GetSS())
          if (!seen.insert(s).second) return "One or more parameter values were invalid: Input collection [" + s + "] contains duplicates.";
      if (v.GetType() == ValueType::NUMBER_SET)
        for (const auto& s : v.GetNS()) {
          auto c = CanonicalNumber(s);
          if (!c) return "The parameter cannot be converted to a numeric value: " + s;
          if (!seen.insert(*c).second) return "One or more parameter values were invalid: Input collection contains duplicates.";
        }
      break;
    }
    case ValueType::ATTRIBUTE_MAP:
      for (const auto& kv : v.GetM()) {
        if (!kv.second) return "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
        std::string e = CheckValue(*kv.second, depth + 1);
        if (!e.empty()) return e;
      }
      break;
    case ValueType::ATTRIBUTE_LIST:
      for (const auto& e : v.GetL()) {
        if (!e) return "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
        std::string err = CheckValue(*e, depth + 1);
        if (!err.empty()) return err;
      }
      break;
    default: break;
  }
  return {};
}

inline Item Project(const Item& item, const std::vector<std::string>& names) {
  if (names.empty()) return item;
  Item out;
  for (const auto& n : names) {
    auto it = item.find(n);
    if (it != item.end()) out.emplace(*it);
  }
  return out;
}

/// Top-level attribute names of a ProjectionExpression ("id, #n, price"), with #names substituted.
inline bool ParseProjection(const std::string& expr, const std::map<std::string, std::string>& names,
                            std::vector<std::string>& out, std::string& error) {
  std::string cur;
  auto flush = [&]() -> bool {
    std::size_t a = cur.find_first_not_of(" \t\n"), b = cur.find_last_not_of(" \t\n");
    std::string tok = a == std::string::npos ? std::string() : cur.substr(a, b - a + 1);
    cur.clear();
    if (tok.empty()) return error = "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\"", false;
    if (tok.find_first_of(".[") != std::string::npos)
      return error = "dynafake supports only top-level attribute names in ProjectionExpression: " + tok, false;
    if (tok[0] == '#') {
      auto it = names.find(tok);
      if (it == names.end())
        return error = "Value provided in ExpressionAttributeNames unused in expressions: An expression attribute name used in the document path is not defined; attribute name: " + tok, false;
      tok = it->second;
    }
    out.push_back(tok);
    return true;
  };
  for (char c : expr) {
    if (c == ',') {
      if (!flush()) return false;
    } else {
      cur += c;
    }
  }
  return flush();
}
}  // namespace detail

template <class Request>
std::string Service::UnsupportedExpressions(const Request& r) const {
  std::vector<std::string> used;
  if constexpr (std::is_same<Request, Model::PutItemRequest>::value || std::is_same<Request, Model::DeleteItemRequest>::value) {
    if (r.ConditionExpressionHasBeenSet()) used.push_back("ConditionExpression");
    if (r.ExpectedHasBeenSet()) used.push_back("Expected");
    if (r.ConditionalOperatorHasBeenSet()) used.push_back("ConditionalOperator");
    if (r.ExpressionAttributeValuesHasBeenSet()) used.push_back("ExpressionAttributeValues");
    if (r.ExpressionAttributeNamesHasBeenSet()) used.push_back("ExpressionAttributeNames");
    if (r.ReturnValuesHasBeenSet() && r.GetReturnValues() != Model::ReturnValue::NONE &&
        r.GetReturnValues() != Model::ReturnValue::ALL_OLD)
      return "Return values set to invalid value";
  }
  if constexpr (std::is_same<Request, Model::ScanRequest>::value) {
    if (r.FilterExpressionHasBeenSet()) used.push_back("FilterExpression");
    if (r.ScanFilterHasBeenSet()) used.push_back("ScanFilter");
    if (r.ConditionalOperatorHasBeenSet()) used.push_back("ConditionalOperator");
    if (r.ExpressionAttributeValuesHasBeenSet()) used.push_back("ExpressionAttributeValues");
  }
  if (used.empty()) return {};
  std::string list;
  for (const auto& u : used) list += (list.empty() ? "" : ", ") + u;
  return "dynafake does not evaluate condition, update or filter expressions (" + list +
         "); seed and read items with plain PutItem, GetItem, DeleteItem, Scan and BatchWriteItem";
}

inline std::string Service::CheckWritable(const Table* t, const std::string& name) const {
  if (!t || t->status == Model::TableStatus::CREATING || t->status == Model::TableStatus::DELETING)
    return "Requested resource not found: Table: " + name + " not found";
  return {};
}

inline std::string Service::CheckItemValues(const detail::Item& item) const {
  for (const auto& kv : item) {
    if (kv.first.empty()) return "One or more parameter values were invalid: An AttributeName may not be empty";
    std::string e = detail::CheckValue(kv.second, 0);
    if (!e.empty()) return e;
  }
  if (detail::ItemSize(item) > 400 * 1024) return "Item size has exceeded the maximum allowed size";
  return {};
}

inline Model::PutItemOutcome Service::PutItem(const Model::PutItemRequest& r) {
  return Run(r, [&](int64_t now) -> Model::PutItemOutcome {
    std::string err = UnsupportedExpressions(r);
    if (!err.empty()) return Err(DynamoDBErrors::VALIDATION, err);
    const std::string name = ShownName(r.GetTableName());
    Table* t = FindTable(r.GetTableName());
    if (!(err = CheckWritable(t, name)).empty()) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, err);
    if (!(err = CheckItemValues(r.GetItem())).empty()) return Err(DynamoDBErrors::VALIDATION, err);
    if (!(err = detail::CheckKey(t->key, r.GetItem(), false)).empty()) return Err(DynamoDBErrors::VALIDATION, err);
    Model::PutItemResult out;
    if (r.GetReturnValues() == Model::ReturnValue::ALL_OLD) {
      const auto* old = t->history->At(detail::EncodeKey(t->key, r.GetItem()), now);
      if (old && !old->deleted) out.SetAttributes(old->item);
    }
    WriteItem(*t, r.GetItem(), false, now);
    return out;
  });
}

inline Model::GetItemOutcome Service::GetItem(const Model::GetItemRequest& r) {
  return Run(r, [&](int64_t now) -> Model::GetItemOutcome {
    const std::string name = ShownName(r.GetTableName());
    Table* t = FindTable(r.GetTableName());
    std::string err = CheckWritable(t, name);
    if (!err.empty()) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, err);
    if (!(err = detail::CheckKey(t->key, r.GetKey(), true)).empty()) return Err(DynamoDBErrors::VALIDATION, err);
    std::vector<std::string> names = r.GetAttributesToGet();
    if (r.ProjectionExpressionHasBeenSet()) {
      if (r.AttributesToGetHasBeenSet())
        return Err(DynamoDBErrors::VALIDATION, "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
      if (!detail::ParseProjection(r.GetProjectionExpression(), r.GetExpressionAttributeNames(), names, err))
        return Err(DynamoDBErrors::VALIDATION, err);
    }
    Model::GetItemResult out;
    const auto* v = t->history->At(detail::EncodeKey(t->key, r.GetKey()), now);
    if (v && !v->deleted) out.SetItem(detail::Project(v->item, names));
    return out;
  });
}

inline Model::DeleteItemOutcome Service::DeleteItem(const Model::DeleteItemRequest& r) {
  return Run(r, [&](int64_t now) -> Model::DeleteItemOutcome {
    std::string err = UnsupportedExpressions(r);
    if (!err.empty()) return Err(DynamoDBErrors::VALIDATION, err);
    const std::string name = ShownName(r.GetTableName());
    Table* t = FindTable(r.GetTableName());
    if (!(err = CheckWritable(t, name)).empty()) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, err);
    if (!(err = detail::CheckKey(t->key, r.GetKey(), true)).empty()) return Err(DynamoDBErrors::VALIDATION, err);
    Model::DeleteItemResult out;
    const auto* old = t->history->At(detail::EncodeKey(t->key, r.GetKey()), now);
    if (old && !old->deleted) {
      if (r.GetReturnValues() == Model::ReturnValue::ALL_OLD) out.SetAttributes(old->item);
      WriteItem(*t, r.GetKey(), true, now);
    }
    return out;
  });
}

inline Model::ScanOutcome Service::Scan(const Model::ScanRequest& r) {
  return Run(r, [&](int64_t now) -> Model::ScanOutcome {
    using namespace Model;
    std::string err = UnsupportedExpressions(r);
    if (!err.empty()) return Err(DynamoDBErrors::VALIDATION, err);
    const std::string name = ShownName(r.GetTableName());
    Table* t = FindTable(r.GetTableName());
    if (!(err = CheckWritable(t, name)).empty()) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, err);
    if (r.SegmentHasBeenSet() != r.TotalSegmentsHasBeenSet())
      return Err(DynamoDBErrors::VALIDATION, "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
    if (r.SegmentHasBeenSet() && r.GetSegment() >= r.GetTotalSegments())
      return Err(DynamoDBErrors::VALIDATION, "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: " +
                                                 std::to_string(r.GetSegment()) + " is not less than TotalSegments: " + std::to_string(r.GetTotalSegments()));
    // an index scan returns the items that carry the index's key attributes
    std::vector<std::string> indexKeys;
    if (r.IndexNameHasBeenSet()) {
      bool found = false;
      for (const auto& g : t->gsis)
        if (g.GetIndexName() == r.GetIndexName()) {
          found = true;
          for (const auto& e : g.GetKeySchema()) indexKeys.push_back(e.GetAttributeName());
        }
      for (const auto& l : t->desc.GetLocalSecondaryIndexes())
        if (l.GetIndexName() == r.GetIndexName()) {
          found = true;
          for (const auto& e : l.GetKeySchema()) indexKeys.push_back(e.GetAttributeName());
        }
      if (!found) return Err(DynamoDBErrors::VALIDATION, "The table does not have the specified index: " + r.GetIndexName());
    }
    std::string after;
    if (r.ExclusiveStartKeyHasBeenSet()) {
      if (!(err = detail::CheckKey(t->key, r.GetExclusiveStartKey(), true)).empty())
        return Err(DynamoDBErrors::VALIDATION, "The provided starting key is invalid: " + err);
      after = detail::EncodeKey(t->key, r.GetExclusiveStartKey());
    }
    std::vector<std::string> names = r.GetAttributesToGet();
    if (r.ProjectionExpressionHasBeenSet() &&
        !detail::ParseProjection(r.GetProjectionExpression(), r.GetExpressionAttributeNames(), names, err))
      return Err(DynamoDBErrors::VALIDATION, err);
    const bool countOnly = r.GetSelect() == Select::COUNT;
    const std::size_t limit = r.LimitHasBeenSet() ? static_cast<std::size_t>(r.GetLimit()) : SIZE_MAX;
    const int64_t pageBytes = 1024 * 1024;
    ScanResult out;
    std::vector<std::map<std::string, AttributeValue>> items;
    std::size_t scanned = 0;
    int64_t bytes = 0;
    std::string lastKey;
    bool more = false;
    t->history->ForEach(now, detail::History::kAll, after, [&](const std::string& key, const detail::Version& v) {
      if (scanned >= limit || bytes >= pageBytes) {
        more = true;
        return false;
      }
      if (r.SegmentHasBeenSet()) {
        uint64_t h = 1469598103934665603ULL;  // FNV-1a: a stable segment for each key
        for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        if (static_cast<int>(h % static_cast<uint64_t>(r.GetTotalSegments())) != r.GetSegment()) return true;
      }
      ++scanned;
      bytes += v.sizeBytes;
      lastKey = key;
      bool inIndex = true;
      for (const auto& k : indexKeys)
        if (!v.item.count(k)) inIndex = false;
      if (inIndex && !countOnly) items.push_back(detail::Project(v.item, names));
      if (inIndex && countOnly) items.emplace_back();
      return true;
    });
    out.SetCount(static_cast<int>(items.size()));
    out.SetScannedCount(static_cast<int>(scanned));
    if (!countOnly) out.SetItems(items);
    if (more && !lastKey.empty()) {
      const auto* v = t->history->At(lastKey, now);
      if (v) out.SetLastEvaluatedKey(detail::KeyOf(t->key, v->item));
    }
    return out;
  });
}

inline Model::BatchWriteItemOutcome Service::BatchWriteItem(const Model::BatchWriteItemRequest& r) {
  return Run(r, [&](int64_t now) -> Model::BatchWriteItemOutcome {
    std::size_t total = 0;
    for (const auto& kv : r.GetRequestItems()) total += kv.second.size();
    if (total > 25)
      return Err(DynamoDBErrors::VALIDATION, "Too many items requested for the BatchWriteItem call");
    // check everything first: a failed batch writes nothing
    for (const auto& kv : r.GetRequestItems()) {
      const std::string name = NameFromTableArg(kv.first);
      Table* t = FindTable(kv.first);
      std::string err = CheckWritable(t, name);
      if (!err.empty()) return Err(DynamoDBErrors::RESOURCE_NOT_FOUND, err);
      std::set<std::string> keys;
      for (const auto& w : kv.second) {
        if (w.PutRequestHasBeenSet() == w.DeleteRequestHasBeenSet())
          return Err(DynamoDBErrors::VALIDATION, "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        const detail::Item& item = w.PutRequestHasBeenSet() ? w.GetPutRequest().GetItem() : w.GetDeleteRequest().GetKey();
        if (w.PutRequestHasBeenSet() && !(err = CheckItemValues(item)).empty()) return Err(DynamoDBErrors::VALIDATION, err);
        if (!(err = detail::CheckKey(t->key, item, w.DeleteRequestHasBeenSet())).empty()) return Err(DynamoDBErrors::VALIDATION, err);
        if (!keys.insert(detail::EncodeKey(t->key, item)).second)
          return Err(DynamoDBErrors::VALIDATION, "Provided list of item keys contains duplicates");
      }
    }
    for (const auto& kv : r.GetRequestItems()) {
      Table* t = FindTable(kv.first);
      for (const auto& w : kv.second) {
        if (w.PutRequestHasBeenSet()) WriteItem(*t, w.GetPutRequest().GetItem(), false, now);
        else WriteItem(*t, w.GetDeleteRequest().GetKey(), true, now);
      }
    }
    Model::BatchWriteItemResult out;
    out.SetUnprocessedItems(std::map<std::string, std::vector<Model::WriteRequest>>{});
    return out;
  });
}

}  // namespace dynafake
