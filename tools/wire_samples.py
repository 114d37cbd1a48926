"""The round-trip samples of tools/generate_wire.py
(tests/wire/generated/model_samples.hpp): a fully populated value of every
structure. A mixin of its Wire generator, which provides the model (self.m),
the structures, qtype and BANNER.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import Writer  # noqa: E402


class SamplesMixin:
    # ---- model_samples.hpp (tests) -------------------------------------------
    def sample_value(self, shape, target, pad, member):
        """Statements giving `target` (already declared) a non-default value."""
        s = self.m.shapes[shape]
        t = s["type"]
        if t == "string" and "enum" in s:
            return ["%s%s = Model::%s::%s;" % (pad, target, shape, self.m.enum_value(s["enum"][-1]))]
        if t == "string":
            return ['%s%s = "%s-sample";' % (pad, target, member)]
        if t == "boolean":
            return ["%s%s = true;" % (pad, target)]
        if t == "integer":
            return ["%s%s = 7;" % (pad, target)]
        if t == "long":
            return ["%s%s = 1234567890123LL;" % (pad, target)]
        if t == "double":
            return ["%s%s = 2.5;" % (pad, target)]
        if t == "timestamp":
            return ["%s%s = DateTime(static_cast<int64_t>(1700000000123LL));" % (pad, target)]
        if t == "blob":
            return ['%s%s = ByteBuffer(std::string("\\x00\\x01sample\\xff", 10));' % (pad, target)]
        if t == "list":
            inner = s["member"]["shape"]
            e = "e%d" % (len(pad) // 2)
            out = ["%s{" % pad, "%s  %s %s{};" % (pad, self.qtype(inner), e)]
            out += self.sample_value(inner, e, pad + "  ", member)
            out += ["%s  %s.push_back(std::move(%s));" % (pad, target, e), "%s}" % pad]
            return out
        if t == "map":
            inner = s["value"]["shape"]
            e = "e%d" % (len(pad) // 2)
            out = ["%s{" % pad, "%s  %s %s{};" % (pad, self.qtype(inner), e)]
            out += self.sample_value(inner, e, pad + "  ", member)
            out += ['%s  %s.emplace("%s-key", std::move(%s));' % (pad, target, member, e), "%s}" % pad]
            return out
        return ["%sFillSample(%s);" % (pad, target)]

    def samples(self):
        m = self.m
        w = Writer()
        w(self.BANNER.rstrip("\n"))
        w("// Test helper: FillSample sets every member of a model structure to a")
        w("// value that differs from its default; ForEachSample visits all of them.")
        w("#pragma once")
        w()
        w("#include <cstdint>  // int64_t")
        w("#include <string>   // std::string")
        w("#include <utility>  // std::move")
        w()
        w('#include "dynafake/generated/requests.hpp"  // XRequest')
        w('#include "dynafake/generated/results.hpp"   // XResult')
        w('#include "dynafake/generated/types.hpp"     // the shapes they hold')
        w()
        w("namespace dynafake {")
        w("namespace wire_test {")
        w()
        w("inline void FillSample(Model::AttributeValue& v) {")
        w("  Model::AttributeValue inner;")
        w('  inner.AddMEntry("s", Model::AttributeValue().SetS("text \\xc3\\xa9 \\"quoted\\""));')
        w('  inner.AddMEntry("n", Model::AttributeValue().SetN("-12.5e3"));')
        w('  inner.AddMEntry("b", Model::AttributeValue().SetB(ByteBuffer(std::string("\\x00\\xff\\x10", 3))));')
        w('  inner.AddMEntry("ss", Model::AttributeValue().SetSS({"a", "b"}));')
        w('  inner.AddMEntry("ns", Model::AttributeValue().SetNS({"1", "2.5"}));')
        w('  inner.AddMEntry("bs", Model::AttributeValue().SetBS({ByteBuffer(std::string("x")), ByteBuffer(std::string("yz"))}));')
        w('  inner.AddMEntry("null", Model::AttributeValue().SetNull(true));')
        w('  inner.AddMEntry("bool", Model::AttributeValue().SetBool(false));')
        w('  inner.AddMEntry("l", Model::AttributeValue().AddLItem(Model::AttributeValue().SetN("1")).AddLItem(Model::AttributeValue().SetS("two")));')
        w('  v = Model::AttributeValue().AddMEntry("m", inner);')
        w("}")
        w()
        classes = [(s, m.class_name(s)) for s in self.structs]
        for _, cls in classes:
            w("inline void FillSample(Model::%s& v);" % cls)
        w()
        for shape, cls in classes:
            members = list(m.members(shape))
            w("inline void FillSample(Model::%s& v) {" % cls)
            if not members:
                w("  (void)v;")
            for name, ms, _ in members:
                w("  {")
                w("    %s x{};" % self.qtype(ms))
                for line in self.sample_value(ms, "x", "    ", name):
                    w(line)
                w("    v.Set%s(std::move(x));" % name)
                w("  }")
            w("}")
            w()
        w("/// Calls f(name, sample) for a filled sample of every structure, every")
        w("/// request and every result (results without members included).")
        w("template <class F>")
        w("void ForEachSample(F&& f) {")
        for _, cls in classes:
            w('  { Model::%s v; FillSample(v); f("%s", v); }' % (cls, cls))
        for cls in self.empty_results:
            w('  { Model::%s v; f("%s", v); }' % (cls, cls))
        w("}")
        w()
        w("}  // namespace wire_test")
        w("}  // namespace dynafake")
        return w.text()
