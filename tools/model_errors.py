"""The errors of generate_model.py: include/dynafake/generated/errors_table.hpp,
DynamoDBErrors numbered as aws-sdk-cpp numbers them, with each error's
exception name, __type namespace, HTTP status and retry flag."""
from model import Writer

# aws-sdk-cpp's core error values, in its order and numbering.
CORE_ERRORS = [
    ("INCOMPLETE_SIGNATURE", 0), ("INTERNAL_FAILURE", 1), ("INVALID_ACTION", 2),
    ("INVALID_CLIENT_TOKEN_ID", 3), ("INVALID_PARAMETER_COMBINATION", 4),
    ("INVALID_QUERY_PARAMETER", 5), ("INVALID_PARAMETER_VALUE", 6), ("MISSING_ACTION", 7),
    ("MISSING_AUTHENTICATION_TOKEN", 8), ("MISSING_PARAMETER", 9), ("OPT_IN_REQUIRED", 10),
    ("REQUEST_EXPIRED", 11), ("SERVICE_UNAVAILABLE", 12), ("THROTTLING", 13), ("VALIDATION", 14),
    ("ACCESS_DENIED", 15), ("RESOURCE_NOT_FOUND", 16), ("UNRECOGNIZED_CLIENT", 17),
    ("MALFORMED_QUERY_STRING", 18), ("SLOW_DOWN", 19), ("REQUEST_TIME_TOO_SKEWED", 20),
    ("INVALID_SIGNATURE", 21), ("SIGNATURE_DOES_NOT_MATCH", 22), ("INVALID_ACCESS_KEY_ID", 23),
    ("REQUEST_TIMEOUT", 24), ("NETWORK_CONNECTION", 99), ("UNKNOWN", 100),
]
SERVICE_EXTENSION_START_INDEX = 128

# Exception names the service sends that map onto a core error, and the
# __type namespace each uses on the wire. Retryable as the SDK decides it.
CORE_EXCEPTIONS = {
    # name: (enum, http status, retryable, wire namespace)
    "InternalServerError": ("INTERNAL_FAILURE", 500, True, "com.amazonaws.dynamodb.v20120810"),
    "ResourceNotFoundException": ("RESOURCE_NOT_FOUND", 400, False, "com.amazonaws.dynamodb.v20120810"),
    "ThrottlingException": ("THROTTLING", 400, True, "com.amazonaws.dynamodb.v20120810"),
    "ValidationException": ("VALIDATION", 400, False, "com.amazon.coral.validate"),
    "AccessDeniedException": ("ACCESS_DENIED", 400, False, "com.amazon.coral.service"),
    "UnrecognizedClientException": ("UNRECOGNIZED_CLIENT", 400, False, "com.amazon.coral.service"),
    "ServiceUnavailable": ("SERVICE_UNAVAILABLE", 503, True, "com.amazon.coral.service"),
}
# Service exceptions the SDK retries (throughput and request-rate errors).
RETRYABLE = {"ProvisionedThroughputExceededException", "RequestLimitExceeded",
             "TransactionConflictException", "LimitExceededException"}
# Wire-level errors that are not shapes in the model but that the front ends answer with.
EXTRA_SERVICE_ERRORS = [("SerializationException", "com.amazon.coral.service", 400),
                        ("UnknownOperationException", "com.amazon.coral.service", 400)]

# Every DynamoDB error aws-sdk-cpp 1.11.274 knows, with whether it retries it
# (generated/src/aws-cpp-sdk-dynamodb: include/aws/dynamodb/DynamoDBErrors.h and
# source/DynamoDBErrors.cpp). The SDK numbers the whole service's errors, not
# only the operations dynafake serves, alphabetically by enum name from
# SERVICE_EXTENSION_START_INDEX + 1; so must we, for our values to equal the
# SDK's. A name the SDK does not know (newer in the service model, or one of
# the wire's own errors) is numbered from DYNAFAKE_ONLY_START, clear of any
# value the SDK uses. tests/aws_sdk/errors_test.cpp compares every enumerator
# with the installed SDK's header.
# The retry flag here is used for the errors outside the subset; the subset's
# own come from RETRYABLE above (the SDK also retries ResourceInUseException
# and not TransactionConflictException; dynafake keeps its own reading there).
SDK_SERVICE_ERRORS = {
    "BackupInUseException": False, "BackupNotFoundException": False,
    "ConditionalCheckFailedException": False, "ContinuousBackupsUnavailableException": False,
    "DuplicateItemException": False, "ExportConflictException": False,
    "ExportNotFoundException": False, "GlobalTableAlreadyExistsException": False,
    "GlobalTableNotFoundException": False, "IdempotentParameterMismatchException": False,
    "ImportConflictException": False, "ImportNotFoundException": False,
    "IndexNotFoundException": False, "InvalidExportTimeException": False,
    "InvalidRestoreTimeException": False, "ItemCollectionSizeLimitExceededException": False,
    "LimitExceededException": True, "PointInTimeRecoveryUnavailableException": False,
    "ProvisionedThroughputExceededException": True, "ReplicaAlreadyExistsException": False,
    "ReplicaNotFoundException": False, "RequestLimitExceeded": True,
    "ResourceInUseException": True, "TableAlreadyExistsException": False,
    "TableInUseException": False, "TableNotFoundException": False,
    "TransactionCanceledException": False, "TransactionConflictException": False,
    "TransactionInProgressException": True,
}
DYNAFAKE_ONLY_START = 1000


def screaming(name):
    out = []
    for i, c in enumerate(name):
        if c.isupper() and i and (not name[i - 1].isupper() or (i + 1 < len(name) and name[i + 1].islower())):
            out.append("_")
        out.append(c.upper())
    return "".join(out)


def error_enum_name(exception):
    base = exception[: -len("Exception")] if exception.endswith("Exception") else exception
    return screaming(base)


def gen_errors(m, header):
    w = Writer()
    header(w, "ERRORS", ["<string>  // std::string", "<string_view>  // std::string_view"])
    w("namespace dynafake {")
    w()
    w("/// Error types, in aws-sdk-cpp's shape: the SDK's core errors, then the service's own.")
    w("enum class DynamoDBErrors {")
    for name, value in CORE_ERRORS:
        w("  %s = %d," % (name, value))
    entries = error_entries(m)
    for enum, _, value in sorted(entries, key=lambda e: e[2]):
        w("  %s = %d," % (enum, value))
    w("};")
    w()
    w("namespace detail {")
    w("struct ErrorInfo {")
    w("  DynamoDBErrors type;")
    w("  const char* exception_name;  // the part of __type after '#'")
    w("  const char* wire_namespace;  // the part of __type before '#'")
    w("  int http_status;")
    w("  bool retryable;")
    w("};")
    w()
    w("inline constexpr ErrorInfo kErrorTable[] = {")
    rows = []
    for name, (enum, status, retry, ns) in sorted(CORE_EXCEPTIONS.items()):
        rows.append((enum, name, ns, status, retry))
    extra = {e: (ns, st) for e, ns, st in EXTRA_SERVICE_ERRORS}
    for enum, exc, _ in entries:
        if exc in extra:
            ns, status = extra[exc]
        elif exc in m.shapes:
            ns, status = "com.amazonaws.dynamodb.v20120810", 500 if m.shapes[exc].get("fault") else 400
        else:  # an error of an operation outside the subset: all of them are client errors
            ns, status = "com.amazonaws.dynamodb.v20120810", 400
        retry = exc in RETRYABLE if exc in m.shapes else SDK_SERVICE_ERRORS.get(exc, False)
        rows.append((enum, exc, ns, status, retry))
    for enum, exc, ns, status, retry in rows:
        w('    {DynamoDBErrors::%s, "%s", "%s", %d, %s},' % (enum, exc, ns, status, "true" if retry else "false"))
    w("};")
    w()
    w("/// Every enumerator by name, core errors included (for printing and for")
    w("/// comparing the numbering with aws-sdk-cpp's).")
    w("struct ErrorEnumerator {")
    w("  const char* name;")
    w("  DynamoDBErrors type;")
    w("};")
    w("inline constexpr ErrorEnumerator kErrorEnumerators[] = {")
    for name, _ in CORE_ERRORS:
        w('    {"%s", DynamoDBErrors::%s},' % (name, name))
    for enum, _, _ in sorted(entries, key=lambda e: e[2]):
        w('    {"%s", DynamoDBErrors::%s},' % (enum, enum))
    w("};")
    w("}  // namespace detail")
    w()
    w("}  // namespace dynafake")
    return w.text()


def error_entries(m):
    """The service's own errors as (enum name, exception name, value), numbered as aws-sdk-cpp does."""
    names = {e for e in m.exceptions() if e not in CORE_EXCEPTIONS}
    names |= set(SDK_SERVICE_ERRORS) | {e for e, _, _ in EXTRA_SERVICE_ERRORS}
    by_enum = {}
    for exc in names:
        enum = error_enum_name(exc)
        assert enum not in by_enum, "two exceptions map to %s" % enum
        by_enum[enum] = exc
    sdk = sorted(error_enum_name(e) for e in SDK_SERVICE_ERRORS)
    ours = sorted(e for e in by_enum if e not in sdk)
    entries = [(e, by_enum[e], SERVICE_EXTENSION_START_INDEX + 1 + i) for i, e in enumerate(sdk)]
    entries += [(e, by_enum[e], DYNAFAKE_ONLY_START + i) for i, e in enumerate(ours)]
    return entries
