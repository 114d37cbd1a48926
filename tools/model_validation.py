"""The validation rules of generate_model.py: include/dynafake/generated/validation_rules.hpp,
a ValidateRequest overload per operation checking every member constraint the
model gives (required members, lengths, patterns, enums, ranges, counts)."""
from model import Writer

# The patterns the model uses, and the hand-written check for each (detail/validation/validator.hpp).
PATTERN_CHECKS = {
    "[a-zA-Z0-9_.-]+": "MatchesNamePattern",
    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}": "MatchesUuidPattern",
    "^[^\\$]+$": "MatchesClientTokenPattern",
    "[,;:|\\t ]": "MatchesCsvDelimiterPattern",
    "[\\x20-\\x21\\x23-\\x2B\\x2D-\\x7E]*": "MatchesCsvHeaderPattern",
    "([0-9a-f]{16})+": "MatchesImportNextTokenPattern",
    "^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$": "MatchesS3BucketPattern",
    "[0-9]{12}": "MatchesS3BucketOwnerPattern",
}


def c_escape(text):
    """`text` inside a C++ string literal (the model's patterns hold backslashes)."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def gen_validation(m, header):
    w = Writer()
    header(w, "VALIDATION", ["<string>  // std::string", '"dynafake/detail/validation/validator.hpp"  // Validator',
                             '"dynafake/generated/requests.hpp"  // XRequest'])
    w("namespace dynafake {")
    w("namespace detail {")
    w()

    needs = {}

    def has_rules(shape, stack=()):
        if shape in needs:
            return needs[shape]
        if shape in stack:
            return False
        s = m.shapes[shape]
        t = s["type"]
        result = False
        if t == "structure":
            if shape == "AttributeValue":
                result = False
            else:
                for _, ms, req in m.members(shape):
                    if req or has_rules(ms, stack + (shape,)):
                        result = True
        elif t == "list":
            result = "min" in s or "max" in s or has_rules(s["member"]["shape"], stack + (shape,))
        elif t == "map":
            result = ("min" in s or "max" in s or has_rules(s["key"]["shape"], stack + (shape,))
                      or has_rules(s["value"]["shape"], stack + (shape,)))
        else:
            result = any(k in s for k in ("min", "max", "pattern", "enum"))
        needs[shape] = result
        return result

    reachable = set()

    def reach(shape):
        if shape in reachable:
            return
        reachable.add(shape)
        s = m.shapes[shape]
        if s["type"] == "structure":
            for _, ms, _ in m.members(shape):
                reach(ms)
        elif s["type"] == "list":
            reach(s["member"]["shape"])
        elif s["type"] == "map":
            reach(s["value"]["shape"])

    for spec in m.operations.values():
        reach(spec["input"]["shape"])
    structs = [s for s in m.structures()
               if s in reachable and s not in m.input_shapes and has_rules(s)]
    for shape in structs:
        w("inline void ValidateShape(const Model::%s& value, Validator& v, const std::string& path);" % m.class_name(shape))
    w()

    def check(shape, expr, path_expr, indent, depth=0, own=True):
        """The checks of a value of `shape`; without `own`, only those of what it holds (a map's
        value: its own length and pattern are the map's "Map value must satisfy constraint")."""
        s = m.shapes[shape]
        t = s["type"]
        pad = "  " * indent
        out = []
        if not own:
            pass
        elif t == "string" and "enum" in s:
            out.append("%sv.Enum(%s, Model::%sMapper::IsKnown(%s), Model::%sMapper::GetNameFor%s(%s), Model::%sMapper::kValueSet);"
                       % (pad, path_expr, shape, expr, shape, shape, expr, shape))
        elif t == "string":
            # the pattern before the length: a value breaking both is reported so (architect/dynalite
            # test/listTables.js and test/query.js, recorded against the service: "Value '' at
            # 'exclusiveStartTableName' ... regular expression pattern: [a-zA-Z0-9_.-]+; Value '' at
            # 'exclusiveStartTableName' ... length greater than or equal to 3")
            if "pattern" in s:
                out.append('%sv.Pattern(%s, %s, %s(%s), "%s");' % (pad, path_expr, expr, PATTERN_CHECKS[s["pattern"]],
                                                                 expr, c_escape(s["pattern"])))
            if "min" in s or "max" in s:
                out.append("%sv.Length(%s, %s, %s, %s);" % (pad, path_expr, expr, s.get("min", -1), s.get("max", -1)))
        elif t in ("integer", "long"):
            if "min" in s or "max" in s:
                lo = s.get("min")
                hi = s.get("max")
                out.append("%sv.Range(%s, static_cast<long long>(%s), %s, %dLL, %s, %dLL);" % (
                    pad, path_expr, expr, "true" if lo is not None else "false", lo or 0,
                    "true" if hi is not None else "false", hi or 0))
        if t in ("list", "map"):
            if own and ("min" in s or "max" in s):
                out.append("%sv.Count(%s, %s, %s, %s);" % (pad, path_expr, expr, s.get("min", -1), s.get("max", -1)))
            if t == "map":
                key = m.shapes[s["key"]["shape"]]
                if any(k in key for k in ("min", "max", "pattern")):
                    matches = PATTERN_CHECKS[key["pattern"]] if "pattern" in key else "nullptr"
                    pattern = '"%s"' % c_escape(key["pattern"]) if "pattern" in key else "nullptr"
                    out.append("%sv.MapKeys(%s, %s, %s, %s, %s, %s);" % (pad, path_expr, expr, key.get("min", -1),
                                                                       key.get("max", -1), matches, pattern))
            inner = s["member"]["shape"] if t == "list" else s["value"]["shape"]
            value = m.shapes[inner]
            value_own = t == "map" and value["type"] in ("string", "list", "map") and "enum" not in value and any(
                k in value for k in ("min", "max", "pattern"))
            if value_own:
                matches = PATTERN_CHECKS[value["pattern"]] if "pattern" in value else "nullptr"
                pattern = '"%s"' % c_escape(value["pattern"]) if "pattern" in value else "nullptr"
                out.append("%sv.MapValues(%s, %s, %s, %s, %s, %s);" % (pad, path_expr, expr, value.get("min", -1),
                                                                     value.get("max", -1), matches, pattern))
            it = "e%d" % depth
            if t == "list":
                idx = "i%d" % depth
                sub = "%s + \".\" + std::to_string(%s + 1) + \".member\"" % (path_expr, idx)
            else:
                sub = "%s + \".\" + kv%d.first + \".member\"" % (path_expr, depth)
            nested = check(inner, it, sub, indent + 1, depth + 1, own=not value_own) if has_rules(inner) else []
            if nested:
                if t == "list":
                    out.append("%sfor (std::size_t %s = 0; %s < %s.size(); ++%s) {" % (pad, idx, idx, expr, idx))
                    out.append("%s  const auto& %s = %s[%s];" % (pad, it, expr, idx))
                else:
                    out.append("%sfor (const auto& kv%d : %s) {" % (pad, depth, expr))
                    out.append("%s  const auto& %s = kv%d.second;" % (pad, it, depth))
                out.extend(nested)
                out.append("%s}" % pad)
        elif t == "structure" and own:
            if has_rules(shape):
                out.append("%sValidateShape(%s, v, %s);" % (pad, expr, path_expr))
        return out

    def body(shape, root):
        for name, ms, req in m.members(shape):
            lc = m.lower_camel(name)
            path_expr = 'std::string("%s")' % lc if root else 'Join(path, "%s")' % lc
            getter = "value.Get%s()" % name
            if req:
                w("  if (!value.%sHasBeenSet()) v.Missing(%s);" % (name, path_expr))
            lines = check(ms, getter, path_expr, 2)
            if lines:
                w("  if (value.%sHasBeenSet()) {" % name)
                for line in lines:
                    w(line)
                w("  }")

    for shape in structs:
        w("inline void ValidateShape(const Model::%s& value, Validator& v, const std::string& path) {" % m.class_name(shape))
        w("  (void)value; (void)v; (void)path;")
        body(shape, False)
        w("}")
        w()
    for op, spec in m.operations.items():
        shape = spec["input"]["shape"]
        w("/// Checks every member constraint the model gives %s." % op)
        w("inline void ValidateRequest(const Model::%sRequest& value, Validator& v) {" % op)
        w("  (void)value; (void)v;")
        body(shape, True)
        w("}")
        w()
    w("}  // namespace detail")
    w("}  // namespace dynafake")
    return w.text()
