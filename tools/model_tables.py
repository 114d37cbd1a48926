"""Which members of a request name the table the call is about: what fault
rules scoped to a table (FaultRule::ForTable) match on.

Found from the model's shapes, not guessed from member names: every path from
an operation's input to a string of a table-naming shape (TABLE_SHAPES) names
the call's table, at any depth (BatchWriteItem's RequestItems keys,
TransactWriteItems' TransactItems[].Put.TableName, ImportTable's
TableCreationParameters.TableName), unless NOT_THE_CALLS_TABLE says why not.
The analysis refuses, naming the operation and the member, rather than finding
nothing in silence:
- a member whose name says it names a table (…TableName, …TableArn,
  ResourceArn) but whose shape is not a table-naming shape;
- an operation that can answer a table's errors (TABLE_ERRORS) but names no
  table, unless NO_TABLE_MEMBER says why;
- an entry of NOT_THE_CALLS_TABLE or NO_TABLE_MEMBER that the model no longer
  has.
tests/python/test_table_members.py runs it over botocore's full DynamoDB
model as well as the subset served.

A path is a tuple of steps from the input structure: a member name, "[]" for
a list's elements, "{key}" for a map's keys, "{}" for its values.
"""

# Shapes whose string value names a table, by its name or its ARN (the model's
# TableArn shape is "a table name or ARN"). ResourceArnString names any
# resource (a table, an index, a stream, a backup): the Service resolves a
# table's ARN to the table and any other ARN to none.
TABLE_SHAPES = ("TableName", "TableArn", "ResourceArnString")

# Paths that reach a table-naming shape but do not name the table the call is about.
NOT_THE_CALLS_TABLE = {
    ("ListTables", ("ExclusiveStartTableName",)): "a page cursor: the name the listing resumes after",
    ("ListGlobalTables", ("ExclusiveStartGlobalTableName",)): "a page cursor: the name the listing resumes after",
    ("CreateTable", ("GlobalTableSourceArn",)): "the table a new replica copies; the call is about the table it creates",
    ("RestoreTableToPointInTime", ("SourceTableArn",)): "a restore is about the table it creates (CallInfo::table)",
    ("RestoreTableToPointInTime", ("SourceTableName",)): "a restore is about the table it creates (CallInfo::table)",
}

# Errors only an operation on a table answers: an operation that names none must say why.
TABLE_ERRORS = ("ResourceNotFoundException", "TableNotFoundException", "TableInUseException",
                "TableAlreadyExistsException", "ResourceInUseException")

# Operations that answer a table's errors but name no table in a member.
NO_TABLE_MEMBER = {
    "ExecuteStatement": "the table is named inside the PartiQL statement's text",
    "BatchExecuteStatement": "the tables are named inside the PartiQL statements' texts",
    "ExecuteTransaction": "the tables are named inside the PartiQL statements' texts",
}


class TableMemberError(ValueError):
    pass


def _looks_like_a_table(member):
    return member.endswith("TableName") or member.endswith("TableArn") or member == "ResourceArn"


def table_paths(m, op):
    """Every path of `op`'s input naming the table the call is about, in the model's member order."""
    shapes = m.shapes
    found = []

    def walk(shape, path, seen):
        s = shapes[shape]
        t = s["type"]
        if t == "structure":
            for name, member in s["members"].items():
                sub = member["shape"]
                if sub in TABLE_SHAPES:
                    found.append(path + (name,))
                elif _looks_like_a_table(name) and shapes[sub]["type"] == "string":
                    raise TableMemberError(
                        "%s: member %s looks like it names a table but its shape %s is not one of %s: "
                        "add the shape to TABLE_SHAPES or the path to NOT_THE_CALLS_TABLE (tools/model_tables.py)"
                        % (op, ".".join(path + (name,)), sub, ", ".join(TABLE_SHAPES)))
                elif sub not in seen:
                    walk(sub, path + (name,), seen | {sub})
        elif t == "list":
            sub = s["member"]["shape"]
            if sub in TABLE_SHAPES:
                found.append(path + ("[]",))
            elif sub not in seen:
                walk(sub, path + ("[]",), seen | {sub})
        elif t == "map":
            if s["key"]["shape"] in TABLE_SHAPES:
                found.append(path + ("{key}",))
            sub = s["value"]["shape"]
            if sub in TABLE_SHAPES:
                found.append(path + ("{}",))
            elif sub not in seen:
                walk(sub, path + ("{}",), seen | {sub})

    root = m.operations[op]["input"]["shape"]
    walk(root, (), {root})
    paths = [p for p in found if (op, p) not in NOT_THE_CALLS_TABLE]
    errors = [e["shape"] for e in m.operations[op].get("errors", [])]
    if not paths and any(e in TABLE_ERRORS for e in errors) and op not in NO_TABLE_MEMBER:
        raise TableMemberError(
            "%s answers %s but no member of its input names a table: say which one does "
            "(TABLE_SHAPES) or why none does (NO_TABLE_MEMBER, tools/model_tables.py)"
            % (op, ", ".join(e for e in errors if e in TABLE_ERRORS)))
    return paths


def check_table_members(m):
    """{operation: [path, ...]} for every operation of the model; raises TableMemberError."""
    out = {op: table_paths(m, op) for op in m.operations}
    for op, path in NOT_THE_CALLS_TABLE:
        if op in m.operations and not _has_path(m, op, path):
            raise TableMemberError("NOT_THE_CALLS_TABLE names %s %s, which the model does not have"
                                   % (op, ".".join(path)))
    for op in NO_TABLE_MEMBER:
        if op in m.operations and out[op]:
            raise TableMemberError("NO_TABLE_MEMBER names %s, whose input names a table (%s)"
                                   % (op, ", ".join(".".join(p) for p in out[op])))
    return out


def _has_path(m, op, path):
    shape = m.operations[op]["input"]["shape"]
    for step in path:
        s = m.shapes[shape]
        if s["type"] == "structure" and step in s["members"]:
            shape = s["members"][step]["shape"]
        elif s["type"] == "list" and step == "[]":
            shape = s["member"]["shape"]
        elif s["type"] == "map" and step in ("{key}", "{}"):
            shape = s["key" if step == "{key}" else "value"]["shape"]
        else:
            return False
    return True


def table_arguments_body(paths):
    """C++ statements over `r` that append to `std::vector<std::string> out` every
    non-empty table reference the paths reach, in request order (a trie of the
    paths, so a list of structures is walked once)."""
    trie = {}
    for p in paths:
        node = trie
        for step in p:
            node = node.setdefault(step, {})
        node[None] = True
    lines = []
    counter = [0]

    def emit(expr, node, indent):
        pad = "  " * indent
        for step, child in node.items():
            if step is None:
                lines.append(pad + "detail::AddTableArgument(out, %s);" % expr)
            elif step == "[]":
                v = "e%d" % counter[0]
                counter[0] += 1
                lines.append(pad + "for (const auto& %s : %s) {" % (v, expr))
                emit(v, child, indent + 1)
                lines.append(pad + "}")
            elif step in ("{key}", "{}"):
                v = "e%d" % counter[0]
                counter[0] += 1
                lines.append(pad + "for (const auto& %s : %s) {" % (v, expr))
                emit("%s.%s" % (v, "first" if step == "{key}" else "second"), child, indent + 1)
                lines.append(pad + "}")
            else:
                emit("%s.Get%s()" % (expr, step), child, indent)

    emit("r", trie, 0)
    return lines
