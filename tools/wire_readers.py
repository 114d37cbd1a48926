"""The typed readers of tools/generate_wire.py (wire/generated/readers.hpp):
for every structure, a ReadJson that reads typed values straight from the
request's text, leaving anything unusual to FromJson. A mixin of its Wire
generator, which provides the model (self.m), the structures, qtype and
BANNER.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import Writer  # noqa: E402


class ReadersMixin:
    # ---- read: statements reading the next value of Reader `r` into `target` --
    def read(self, shape, target, pad):
        s = self.m.shapes[shape]
        t = s["type"]
        fail = "return false;"
        if t == "string" and "enum" in s:
            return ["%s{" % pad,
                    "%s  std::string name;" % pad,
                    "%s  if (!r.String(name)) %s" % (pad, fail),
                    "%s  %s = Model::%sMapper::Get%sForName(name);" % (pad, target, shape, shape),
                    "%s}" % pad]
        if t == "string":
            return ["%sif (!r.String(%s)) %s" % (pad, target, fail)]
        if t == "boolean":
            return ["%sif (!r.Bool(%s)) %s" % (pad, target, fail)]
        numbers = {"integer": "DecodeInt", "long": "DecodeLong", "double": "DecodeDouble",
                   "timestamp": "DecodeTimestamp"}
        if t in numbers:
            return ["%s{" % pad,
                    "%s  Json n;" % pad,
                    "%s  if (!r.Number(n)) %s" % (pad, fail),
                    "%s  %s(n, %s, Reader::NoPath());" % (pad, numbers[t], target),
                    "%s}" % pad]
        if t == "blob":
            return ["%s{" % pad,
                    "%s  std::string text;" % pad,
                    "%s  if (!r.String(text)) %s" % (pad, fail),
                    "%s  DecodeBlob(Json(std::move(text)), %s, Reader::NoPath());" % (pad, target),
                    "%s}" % pad]
        if t in ("list", "map"):
            return ["%sif (!Read%s(r, %s)) %s" % (pad, shape, target, fail)]
        if shape in self.structs:
            return ["%sif (!Read(r, %s)) %s" % (pad, target, fail)]
        # a shape the model cannot describe (AttributeValue): nlohmann reads its extent
        return ["%s{" % pad,
                "%s  Json j;" % pad,
                "%s  if (!r.Value(j)) %s" % (pad, fail),
                "%s  FromJson(j, %s, Reader::NoPath());" % (pad, target),
                "%s}" % pad]

    # ---- readers.hpp ---------------------------------------------------------
    def readers(self):
        m = self.m
        w = Writer()
        w(self.BANNER.rstrip("\n"))
        w("#pragma once")
        w()
        w("#include <map>          // std::map")
        w("#include <string>       // std::string")
        w("#include <string_view>  // std::string_view")
        w("#include <utility>      // std::move")
        w("#include <vector>       // std::vector")
        w()
        w('#include "dynafake/wire/generated/serializers.hpp"  // FromJson, for what the fast path leaves')
        w('#include "dynafake/wire/json_reader.hpp"            // Reader')
        w()
        w("namespace dynafake {")
        w("namespace wire {")
        w("namespace detail {")
        w()
        w("// Every structure and container: Read takes the next value of `r` into")
        w("// `out`, or answers false on anything the fast path leaves to FromJson.")
        classes = [m.class_name(s) for s in self.structs] + self.empty_results
        for c in classes:
            w("inline bool Read(Reader& r, Model::%s& out);" % c)
        for c in self.containers:
            w("inline bool Read%s(Reader& r, %s& out);" % (c, self.qtype(c)))
        w()
        for c in self.containers:
            s = m.shapes[c]
            ct = self.qtype(c)
            inner = s["member"]["shape"] if s["type"] == "list" else s["value"]["shape"]
            w("inline bool Read%s(Reader& r, %s& out) {" % (c, ct))
            w("  out.clear();")
            if s["type"] == "list":
                w("  return r.Array([&] {")
            else:
                w("  return r.Object([&](std::string_view key) {")
            w("    if (r.Null()) return false;")
            w("    %s e{};" % self.qtype(inner))
            for line in self.read(inner, "e", "    "):
                w(line)
            if s["type"] == "list":
                w("    out.push_back(std::move(e));")
            else:
                w("    out[std::string(key)] = std::move(e);  // a repeated key: the last one, as nlohmann keeps")
            w("    return true;")
            w("  });")
            w("}")
        w()
        for shape in self.structs:
            cls = m.class_name(shape)
            members = list(m.members(shape))
            w("inline bool Read(Reader& r, Model::%s& out) {" % cls)
            w("  out = Model::%s();" % cls)
            w("  return r.Object([&](std::string_view key) {")
            for name, ms, _ in members:
                w('    if (key == "%s") {' % name)
                w("      if (r.Null()) return false;  // FromJson's to take (a null after a value unsets it)")
                w("      %s v{};" % self.qtype(ms))
                for line in self.read(ms, "v", "      "):
                    w(line)
                if m.is_scalar(ms):
                    w("      out.Set%s(v);" % name)
                else:
                    w("      out.Set%s(std::move(v));" % name)
                w("      return true;")
                w("    }")
            w("    return r.Skip();  // a member it does not know")
            w("  });")
            w("}")
            w()
        for c in self.empty_results:
            w("inline bool Read(Reader& r, Model::%s& out) {" % c)
            w("  out = Model::%s();" % c)
            w("  return r.Object([&](std::string_view) { return r.Skip(); });")
            w("}")
            w()
        w("}  // namespace detail")
        w()
        w("/// Reads `text` into `out` without building a tree; false (with `out` in")
        w("/// any state) when the text is anything the fast path leaves to FromJson.")
        w("template <class T>")
        w("bool ReadJson(std::string_view text, T& out) noexcept {")
        w("  try {")
        w("    detail::Reader r(text);")
        w("    return Read(r, out) && r.AtEnd();")
        w("  } catch (...) {  // a decoder's DecodeError, or anything else: the full path says what it is")
        w("    return false;")
        w("  }")
        w("}")
        w()
        w("}  // namespace wire")
        w("}  // namespace dynafake")
        return w.text()
